/**
 * The playground page: two files on the left (rules, cases), what they mean
 * on the right (problems, the live widget, the checks, the flow diagram).
 * Every edit is checked 300 ms after typing stops, in a worker, by the same
 * code as `screener check`.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { summarize } from '../../src/analysis/check-summary.ts';
import type { CasesData, CheckPart, QuickPart } from '../../src/analysis/index.ts';
import type { RuleSet } from '../../src/authoring/schema.ts';
import { Checker } from './checker.ts';
import { ChecksPanel } from './checks-panel.tsx';
import { CodeEditor, goToLine } from './code-editor.tsx';
import { DEFAULT_FILES, type EditedFile } from './default-sources.ts';
import { downloadText, pairFiles, readChosenFile, type ChosenText } from './files.ts';
import { SignOffLine } from './sign-off-line.tsx';
import { FlowDiagram } from './flow-diagram.tsx';
import { countText, Problems, type FileKey, type Problem } from './problems.tsx';
import type { CheckReply } from './protocol.ts';
import { Tabs } from './tabs.tsx';
import { WidgetPreview } from './widget-preview.tsx';

/** Typing pauses longer than this start a check. */
export const DEBOUNCE_MS = 300;
/** Kept in a variable so the bundler leaves it alone: the worker is its own bundle. */
const WORKER_FILE = 'worker.js';

type Files = Record<FileKey, EditedFile>;
type ResultTab = 'widget' | 'checks' | 'diagram';

const FILE_LABELS: Record<FileKey, string> = { rules: 'Rules', cases: 'Cases' };

/**
 * @example
 * render(<App />, document.getElementById('playground')!);
 */
export function App() {
  const [files, setFiles] = useState<Files>(DEFAULT_FILES);
  const [saved, setSaved] = useState<Record<FileKey, string>>({ rules: DEFAULT_FILES.rules.text, cases: DEFAULT_FILES.cases.text });
  const [fileTab, setFileTab] = useState<FileKey>('rules');
  const [resultTab, setResultTab] = useState<ResultTab>('widget');
  const [validation, setValidation] = useState<QuickPart | null>(null);
  const [analysis, setAnalysis] = useState<CheckPart | null>(null);
  const [lastValid, setLastValid] = useState<{ ruleSet: RuleSet; cases: CasesData | undefined } | null>(null);
  const [pending, setPending] = useState(true);
  const [summary, setSummary] = useState('Checking the rules…');
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [jump, setJump] = useState<{ file: FileKey; line: number; column: number; n: number } | null>(null);
  const editors = { rules: useRef<HTMLTextAreaElement>(null), cases: useRef<HTMLTextAreaElement>(null) };

  const onReply = (reply: CheckReply) => {
    if (reply.kind === 'failed') {
      setFailure(`The check stopped with an error: ${reply.message}. Edit the file to try again.`);
      setPending(false);
      return;
    }
    setFailure(null);
    if (reply.kind === 'validation') {
      setValidation(reply.validation);
      if (reply.validation.ruleSet) setLastValid({ ruleSet: reply.validation.ruleSet, cases: reply.validation.steps.cases });
      else setPending(false);
    } else {
      setAnalysis(reply.analysis);
      setPending(false);
    }
  };
  const checker = useMemo(() => new Checker(new URL(WORKER_FILE, import.meta.url), (reply) => onReply(reply)), []);

  // Check at once on the first load, then 300 ms after the last keystroke.
  const first = useRef(true);
  useEffect(() => {
    // "Checking…" shows from the first keystroke, so nobody mistakes old results for new ones.
    setPending(true);
    const run = () => {
      checker.check({ rules: files.rules.text, cases: files.cases.text, names: { rules: files.rules.name, cases: files.cases.name } });
    };
    if (first.current) {
      first.current = false;
      run();
      return;
    }
    const timer = setTimeout(run, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [files]);

  const valid = validation ? validation.ruleSet !== null : true;
  const problems = useMemo(() => collectProblems(validation, valid ? analysis : null), [validation, analysis, valid]);

  // The live region speaks once per finished check, never "checking…".
  useEffect(() => {
    if (pending || !validation) return;
    const stale = !valid && lastValid ? ' The live widget keeps the last valid rules.' : '';
    setSummary(`${countText(problems)}.${stale}`);
  }, [pending, problems]);

  const marks = useMemo(() => {
    const byFile: Record<FileKey, Map<number, 'error' | 'warning'>> = { rules: new Map(), cases: new Map() };
    for (const { file, issue } of problems) {
      if (byFile[file].get(issue.line) !== 'error') byFile[file].set(issue.line, issue.severity);
    }
    return byFile;
  }, [problems]);

  useEffect(() => {
    const edited = (Object.keys(files) as FileKey[]).some((key) => files[key].text !== saved[key]);
    if (!edited) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [files, saved]);

  // Move the cursor once the right file's panel is showing (a hidden textarea cannot take focus).
  useEffect(() => {
    const textarea = jump && editors[jump.file].current;
    if (jump && textarea) goToLine(textarea, jump.line, jump.column);
  }, [jump]);

  const goTo = useCallback((file: FileKey, line: number, column = 1) => {
    setFileTab(file);
    setJump((previous) => ({ file, line, column, n: (previous?.n ?? 0) + 1 }));
  }, []);

  const setText = (key: FileKey, text: string) => setFiles((current) => ({ ...current, [key]: { ...current[key], text } }));

  const open = async (key: FileKey, input: HTMLInputElement) => {
    const chosen = [...(input.files ?? [])];
    input.value = ''; // choosing the same file again should load it again
    if (chosen.length === 0) return;
    const texts: ChosenText[] = [];
    for (const file of chosen) {
      const read = await readChosenFile(file);
      if (!read.ok) return setNotice(read.problem);
      texts.push({ name: file.name, text: read.text });
    }
    const opening = pairFiles(texts, key, files.cases.name);
    // Emptying the Cases tab throws its edits away: ask first, as "Back to the default" does.
    if (opening.cases && !texts.includes(opening.cases) && files.cases.text !== saved.cases) {
      if (!window.confirm(`${opening.rules?.name ?? 'This file'} has no cases open with it: throw away your changes to ${files.cases.name}?`)) return;
    }
    const changed = { ...(opening.rules ? { rules: opening.rules } : {}), ...(opening.cases ? { cases: opening.cases } : {}) };
    setFiles((current) => ({ ...current, ...changed }));
    setSaved((current) => ({ ...current, ...Object.fromEntries(Object.entries(changed).map(([k, file]) => [k, file.text])) }));
    if (opening.rules && !opening.cases) setFileTab('rules');
    else if (opening.cases && !opening.rules) setFileTab('cases');
    setNotice(opening.notice);
  };

  const save = (key: FileKey) => {
    downloadText(files[key].name, files[key].text);
    setSaved((current) => ({ ...current, [key]: files[key].text }));
    setNotice(
      `Downloaded ${files[key].name}: it is in your downloads folder. Replace the file in rules/ with it and run npx screener check.`,
    );
  };

  const reset = (key: FileKey) => {
    if (files[key].text !== saved[key] && !window.confirm(`Throw away your changes to ${files[key].name}?`)) return;
    setFiles((current) => ({ ...current, [key]: DEFAULT_FILES[key] }));
    setSaved((current) => ({ ...current, [key]: DEFAULT_FILES[key].text }));
    setNotice(`Back to the default ${DEFAULT_FILES[key].name}.`);
  };

  const currentCases = valid ? (validation ? validation.steps.cases : null) : lastValid ? lastValid.cases : null;
  const staleResults = !valid && lastValid !== null;
  const invariants = valid ? analysis?.steps.invariants : undefined;
  const invariantsLabel = invariants ? ` (${invariants.filter((r) => r.status === 'proven').length}/${invariants.length})` : '';

  // The result panels are rebuilt only when their data changes, not on every keystroke:
  // Preact skips a subtree whose element is the very same object as last time.
  const widgetPanel = useMemo(() => <WidgetPreview ruleSet={lastValid?.ruleSet ?? null} current={valid} />, [lastValid, valid]);
  const checksPanel = useMemo(
    () => <ChecksPanel analysis={analysis} cases={currentCases} names={{ rules: files.rules.name, cases: files.cases.name }} stale={staleResults} onGoTo={goTo} />,
    [analysis, currentCases, staleResults, goTo, files.rules.name, files.cases.name],
  );
  const diagramPanel = useMemo(
    () => <FlowDiagram source={analysis?.steps.diagram?.mermaid ?? ''} visible={resultTab === 'diagram'} stale={staleResults} />,
    [analysis, resultTab, staleResults],
  );

  const filePanel = (key: FileKey) => (
    <div class="pg-file">
      <div class="pg-toolbar">
        <label class="pg-button pg-file-input">
          Open a file…
          <input type="file" multiple accept=".yaml,.yml,text/yaml,application/yaml" onChange={(event) => void open(key, event.currentTarget)} />
        </label>
        <button type="button" class="pg-button" onClick={() => save(key)}>
          Download {files[key].name}
        </button>
        <button type="button" class="pg-button pg-button-quiet" onClick={() => reset(key)}>
          Back to the default
        </button>
      </div>
      <CodeEditor
        id={`pg-editor-${key}`}
        label={`${FILE_LABELS[key]} file ${files[key].name} (YAML)`}
        value={files[key].text}
        onInput={(text) => setText(key, text)}
        marks={marks[key]}
        textareaRef={editors[key]}
        describedBy="pg-problem-count"
      />
    </div>
  );

  return (
    <>
      <section class="pg-left" aria-label="Files">
        {notice && (
          <p class="pg-note" role="status">
            {notice}
          </p>
        )}
        <Tabs
          id="pg-files"
          label="Files"
          selected={fileTab}
          onSelect={setFileTab}
          tabs={(['rules', 'cases'] as const).map((key) => ({
            key,
            label: (
              <>
                {FILE_LABELS[key]} <span class="pg-file-name">{files[key].name}</span>
                {files[key].text !== saved[key] && <span class="pg-edited"> (edited)</span>}
              </>
            ),
            panel: filePanel(key),
          }))}
        />
      </section>
      <section class="pg-right" aria-label="Results">
        <Problems
          problems={problems}
          summary={summary}
          checking={pending}
          onPick={({ file, issue }) => goTo(file, issue.line, issue.column)}
        />
        {failure && <p class="pg-alert">{failure}</p>}
        <SignOffLine ruleSet={lastValid?.ruleSet ?? null} stale={staleResults} />
        <Tabs
          id="pg-results"
          label="Results"
          selected={resultTab}
          onSelect={setResultTab}
          tabs={[
            { key: 'widget', label: 'Live widget', panel: widgetPanel },
            { key: 'checks', label: `Invariants and cases${invariantsLabel}`, panel: checksPanel },
            { key: 'diagram', label: 'Flow diagram', panel: diagramPanel },
          ]}
        />
      </section>
    </>
  );
}

/** Every problem of the current texts, in the order `screener check` prints them: rules first, each file in line order. */
function collectProblems(validation: QuickPart | null, analysis: CheckPart | null): Problem[] {
  if (!validation) return [];
  const { issues } = summarize(validation.names, analysis ? [validation, analysis] : [validation]);
  return issues.map((issue) => ({ file: issue.file === validation.names.rules ? 'rules' : 'cases', issue }));
}
