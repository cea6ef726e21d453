import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { listenForUncaughtErrors } from './state/errors.svelte';
import { pwa } from './state/pwa.svelte';
import { settings } from './state/settings.svelte';

listenForUncaughtErrors(window);

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');

try {
  await settings.ready();
  mount(App, { target: root });
} catch (error) {
  // The app could not even start: show something a person can act on, not a blank page.
  const message = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
  root.innerHTML = '';
  const heading = document.createElement('h1');
  heading.textContent = 'Motion Lab could not start';
  const details = document.createElement('pre');
  details.textContent = message;
  root.append(heading, details);
}

pwa.register();
