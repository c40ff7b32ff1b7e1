/**
 * The widget's own words in Spanish: plain, neutral Latin American Spanish,
 * addressing the patient as "usted" throughout (as the rule text does).
 */
import type { UiStrings } from '../ui-strings.ts';

/** Español. */
export const strings: UiStrings = {
  continue: 'Continuar',
  back: 'Atrás',
  startAgain: 'Empezar de nuevo',
  continueAssessment: 'Seguir con la evaluación',
  openAssessment: 'Hacer la evaluación de dos minutos',
  close: 'Cerrar',
  languageName: 'Español',
  language: 'Idioma',
  progress: (step, total) => `Pregunta ${step} de aproximadamente ${total}`,
  chooseAll: 'Elija todas las que correspondan.',
  range: (min, max) => `Escriba un número del ${min} al ${max}.`,
  needChoice: 'Elija una respuesta para continuar.',
  needChoices: 'Elija al menos una respuesta para continuar.',
  needNumber: (min, max) => `Escriba un número del ${min} al ${max}, por favor.`,
  needStep: (step) =>
    step === 1 ? 'Escriba un número entero, por favor.' : `Escriba un número que vaya de ${step} en ${step}, por favor.`,
  needDigits: 'Escriba el número con los dígitos del 0 al 9, por favor.',
  reasonsTitle: 'De qué querrá hablar con usted el equipo clínico',
  reviewed: (by, on) => `Revisadas por ${by} el ${on}`,
  rulesVersion: (version) => `Versión de los criterios de evaluación: ${version}`,
  save: 'Guardar mis respuestas',
  print: 'Imprimir',
  keepPrivate: 'El archivo contiene sus respuestas de salud. Guárdelo en privado; en una computadora compartida, bórrelo.',
  summaryTitle: 'Mis respuestas de la evaluación previa',
  made: (when) => `Hecho el ${when}`,
  resultTitle: 'El resultado que me mostraron',
  rulesHash: (hash) => `Huella de los criterios: ${hash}`,
  reviewPending: 'Revisión clínica de estos criterios: pendiente',
  loading: 'Cargando la evaluación…',
  unavailableTitle: 'La evaluación no está disponible en este momento',
  unavailableBody: 'Comuníquese con la clínica; nuestro equipo le ayudará con sus opciones.',
  unavailableLink: 'Comunicarse con la clínica',
};
