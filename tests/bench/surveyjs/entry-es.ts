// The SurveyJS page in Spanish: entry.ts plus SurveyJS's own Spanish words
// (buttons, progress, errors); the questionnaire's text is the rules' Spanish.
import 'survey-core/i18n/spanish';
import './entry.ts';
