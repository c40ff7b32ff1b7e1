// The demo clinic's own script: a page button that opens the assessment from code
// (window.EligibilityScreener.open), and a console log of the widget's events.
document.getElementById('open-check')?.addEventListener('click', () => {
  window.EligibilityScreener?.open({ bookingUrl: 'book.html' });
});
for (const type of ['screener-start', 'screener-step', 'screener-complete']) {
  document.addEventListener(type, (event) => console.info(`[demo] ${type}`, event.detail));
}
