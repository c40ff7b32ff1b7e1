// The SurveyJS side of the comparison: survey-core + survey-js-ui + SurveyJS's
// default theme CSS (the "fontless" build: the same theme without @font-face
// rules that would fetch Open Sans from Google), rendering the questionnaire
// generated from our rule set by to-survey.ts.
import { Model } from 'survey-core';
import { renderSurvey } from 'survey-js-ui';
import 'survey-core/survey-core.fontless.min.css';
import json from 'virtual:bench-survey-json';

const element = document.getElementById('survey');
if (element) renderSurvey(new Model(json), element);
