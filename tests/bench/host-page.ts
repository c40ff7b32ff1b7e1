/**
 * The plain host page both widgets are timed on: the same markup, the same
 * styles, the widget in the same place; only the two snippet lines differ.
 */

/** What a widget adds to the page: tags in `<head>` and the element in the body. */
export interface Snippet {
  head: string;
  body: string;
}

/** Our widget, as the README tells a clinic to embed it. */
export const OUR_SNIPPET: Snippet = {
  head: '<script src="/eligibility-screener.js" defer></script>',
  body: '<eligibility-screener booking-url="https://clinic.example/book"></eligibility-screener>',
};

/** SurveyJS, as its docs embed it: a stylesheet, a script and a container. */
export const SURVEY_SNIPPET: Snippet = {
  head: '<link rel="stylesheet" href="/survey.css">\n<script src="/survey.js" defer></script>',
  body: '<div id="survey"></div>',
};

/**
 * The host page's HTML around a snippet.
 *
 * @example
 * hostPage(OUR_SNIPPET) // '<!doctype html>…<eligibility-screener …>…'
 */
export function hostPage(snippet: Snippet): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Riverside Clinic</title>
<style>body{font-family:system-ui,sans-serif;margin:0 auto;max-width:46rem;padding:1rem;line-height:1.5}</style>
${snippet.head}
</head>
<body>
<header><h1>Riverside Clinic</h1><nav><a href="#">Home</a> · <a href="#">Treatments</a> · <a href="#">Contact</a></nav></header>
<main>
<h2>Is ketamine therapy right for you?</h2>
<p>Our team offers a free consultation. Answer a few questions first, then book a time that suits you.</p>
${snippet.body}
<p>Questions? Call us on weekdays between 9 and 5.</p>
</main>
</body>
</html>
`;
}
