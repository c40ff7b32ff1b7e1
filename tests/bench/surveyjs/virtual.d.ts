// The questionnaire JSON the bench injects into the SurveyJS page at build time.
declare module 'virtual:bench-survey-json' {
  const json: Record<string, unknown>;
  export default json;
}
