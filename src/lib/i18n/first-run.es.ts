import type { firstRunEn } from './first-run.en';

/** Spanish text of the guided first run and the accessibility of the shell and lessons; part of the `es` catalog. */
export const firstRunEs: Record<keyof typeof firstRunEn, string> = {
  'guide.open': 'Guía',
  'guide.title': 'Tu primer modelo, en cuatro pasos',
  'guide.skip': 'Saltar la guía',
  'guide.close': 'Cerrar la guía',
  'guide.steps': 'Pasos',
  'guide.stepDone': '(hecho)',
  'guide.step.examples': 'Ejemplos',
  'guide.step.train': 'Entrenar',
  'guide.step.compare': 'Comparar',
  'guide.step.live': 'En vivo',
  'guide.why.examples':
    'Una red aprende de ejemplos etiquetados, no de reglas que alguien escribió: ventanas de movimiento, cada una con el nombre de su actividad. Cuantas más personas grabadas, mejor le va con alguien nuevo.',
  'guide.do.examples': 'Carga aquí los ejemplos de demostración (no hace falta sensor), o graba los tuyos en {record}.',
  'guide.loadDemo': 'Cargar los ejemplos de demostración',
  'guide.synthetic':
    'La demostración es sintética: grabaciones de personas inventadas que caminan, corren, suben escaleras y hacen un swing de golf, generadas por el propio código de la app, no por personas reales.',
  'guide.why.train':
    'Entrenar ajusta los pesos de la red, época tras época, hasta que sus respuestas coinciden con las etiquetas. Algunas personas quedan aparte, así que la nota de prueba es sobre gente que la red nunca vio.',
  'guide.do.train': 'Abre {train} en las pestañas y pulsa {start}. Tarda como un minuto.',
  'guide.why.compare':
    'Los resultados ponen la red junto a las reglas: umbrales sobre una velocidad calculada a partir del ritmo de los pasos, escritos a mano como en la lección. Donde las reglas confunden movimientos, la red aprendió la diferencia de los ejemplos.',
  'guide.do.compare': 'En {train}, lee la columna {test}: la exactitud de la red y luego la de las reglas. La tabla de confusión muestra qué movimientos confunde cada una.',
  'guide.compared': 'Ya los comparé',
  'guide.why.live': 'Un modelo solo sirve si acierta con movimientos que aún no ha visto. Reproducir una grabación guardada se la entrega ventana por ventana, como lo haría un sensor.',
  'guide.do.live': 'Abre {live}, elige “{replay}”, escoge una grabación de demostración (cada nombre termina con su persona, como Ana) y pulsa {start}.',
  'guide.finished':
    'Entrenaste una red a partir de ejemplos y la viste junto a las reglas. Ahora: graba tus propios movimientos en {record}, o mira cómo aprende una neurona en {learn}.',
  'guide.demoDone': 'Demostración cargada: {added} de {total} grabaciones agregadas.',
  'learn.digits.guessed': 'respuesta: {guess}',
};
