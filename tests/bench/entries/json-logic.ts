import jsonLogic from 'json-logic-js'; export default jsonLogic;
