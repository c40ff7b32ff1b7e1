/**
 * Opening and saving files without a server: `File.text()` in, a `Blob` and a
 * temporary `download` link out. Nothing is uploaded anywhere.
 */
import { casesFileFor } from '../../src/analysis/check-steps.ts';

/** Files larger than this are refused: a rule file is a few tens of kilobytes. */
export const MAX_FILE_BYTES = 1024 * 1024;

/**
 * Reads a chosen file as text, or says why not.
 *
 * @example
 * const read = await readChosenFile(input.files[0]);
 * if (read.ok) setText(read.text);
 */
export async function readChosenFile(file: File): Promise<{ ok: true; text: string } | { ok: false; problem: string }> {
  if (file.size > MAX_FILE_BYTES) return { ok: false, problem: `${file.name} is ${Math.round(file.size / 1024)} KB; a rule file is far smaller. Choose the .yaml file.` };
  try {
    const text = await file.text();
    // A NUL byte means a binary file (a .docx or a picture), never YAML.
    if (text.includes('\u0000')) return { ok: false, problem: `${file.name} is not a text file. Choose the .yaml file.` };
    return { ok: true, text };
  } catch (error) {
    return { ok: false, problem: `${file.name} could not be read (${String(error)}).` };
  }
}

/**
 * Saves text as a file through the browser's download.
 *
 * @example
 * downloadText('ketamine.yaml', editor.value);
 */
export function downloadText(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/yaml;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download a moment to start before the URL stops working.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file as chosen: its name and text. */
export interface ChosenText {
  name: string;
  text: string;
}

/** True for a scenario-cases file by its name: `tms.cases.yaml`. */
export function isCasesName(name: string): boolean {
  return /\.cases\.ya?ml$/i.test(name);
}

/** What opening files does to the two editors: the new rules and cases (each only when it changes), and what to tell the clinician. */
export interface Opening {
  rules?: ChosenText;
  cases?: ChosenText;
  notice: string;
}

/**
 * Pairs the files a clinician chose with the two editors, so a rule file is
 * never checked against another rule file's cases: a rule file `tms.yaml`
 * goes with the chosen `tms.cases.yaml` (or the one cases file chosen with
 * it); with none, the cases already open stay only when they are named for
 * it, and otherwise the Cases tab is emptied, and the notice says so. A
 * single file chosen from the Cases tab goes there, whatever its name.
 *
 * @example
 * pairFiles([{ name: 'tms.yaml', text }], 'rules', 'ketamine.cases.yaml')
 * // { rules: { name: 'tms.yaml', text }, cases: { name: 'tms.cases.yaml', text: '' }, notice: 'Opened tms.yaml. The Cases tab is now empty…' }
 */
export function pairFiles(chosen: readonly ChosenText[], from: 'rules' | 'cases', currentCases: string): Opening {
  if (chosen.length === 1 && (from === 'cases' || isCasesName(chosen[0]!.name))) {
    const [file] = chosen as [ChosenText];
    return { cases: file, notice: `Opened ${file.name} in the Cases tab: its cases run against the rules in the Rules tab.` };
  }
  const rules = chosen.filter((file) => !isCasesName(file.name));
  const cases = chosen.filter((file) => isCasesName(file.name));
  if (rules.length !== 1) {
    return {
      notice:
        rules.length === 0
          ? `Choose a rule file (.yaml) with its cases file: ${chosen.map((file) => file.name).join(', ')} are all cases files.`
          : `Choose one rule file at a time (with its .cases.yaml): you chose ${rules.map((file) => file.name).join(', ')}.`,
    };
  }
  const [rule] = rules as [ChosenText];
  const casesName = casesFileFor(rule.name);
  const paired = cases.find((file) => file.name.toLowerCase() === casesName.toLowerCase()) ?? (cases.length === 1 ? cases[0] : undefined);
  if (paired) return { rules: rule, cases: paired, notice: `Opened ${rule.name} with its cases, ${paired.name}.` };
  if (cases.length > 1) {
    return { notice: `Which cases go with ${rule.name}? Choose ${casesName} with it (you chose ${cases.map((file) => file.name).join(', ')}).` };
  }
  if (currentCases.toLowerCase() === casesName.toLowerCase()) {
    return { rules: rule, notice: `Opened ${rule.name}; the Cases tab keeps ${currentCases}, the cases named for it.` };
  }
  return {
    rules: rule,
    cases: { name: casesName, text: '' },
    notice: `Opened ${rule.name}. The Cases tab is now empty, so no other rule file's cases run against it: open ${casesName} there, or choose both files together.`,
  };
}

