/**
 * Entry of the playground bundle (dist/playground/playground.js), loaded by
 * demo/playground.html as a module after the widget's own script.
 */
import { render } from 'preact';
import { App } from './app.tsx';

const root = document.getElementById('playground');
if (root) {
  root.replaceChildren();
  render(<App />, root);
}
