export const cnnTfliteModel = () => { throw new Error('todo'); };
