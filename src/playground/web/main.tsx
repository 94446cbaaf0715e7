import { render } from 'preact';
import { App } from './app.js';
import { connect } from './store.js';
import './console.css';

connect();
const root = document.getElementById('root');
if (root) render(<App />, root);
