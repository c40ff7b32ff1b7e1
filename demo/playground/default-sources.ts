/**
 * The default rule file and its cases, bundled as text at build time (Vite's
 * `?raw`), so the playground opens on exactly what is in rules/.
 */
import rules from '../../rules/ketamine.yaml?raw';
import cases from '../../rules/ketamine.cases.yaml?raw';

/** A file being edited: its name (for messages and downloads) and text. */
export interface EditedFile {
  name: string;
  text: string;
}

/** rules/ketamine.yaml and rules/ketamine.cases.yaml as they were at build time. */
export const DEFAULT_FILES: { rules: EditedFile; cases: EditedFile } = {
  rules: { name: 'ketamine.yaml', text: rules },
  cases: { name: 'ketamine.cases.yaml', text: cases },
};
