/**
 * Opening and saving files without a server: `File.text()` in, a `Blob` and a
 * temporary `download` link out. Nothing is uploaded anywhere.
 */

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
