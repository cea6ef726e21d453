// Entry of the bare Svelte app that `shell.first-load-gzip` builds as its baseline.
import { mount } from 'svelte';
import App from './App.svelte';

const target = document.getElementById('app');
if (target) mount(App, { target });
