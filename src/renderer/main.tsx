/**
 * Renderer entry.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './styles/app.css';
import './styles/layout.css';
import './styles/controls.css';
import './styles/table.css';
import './styles/detail.css';
import './styles/dialogs.css';
import './styles/care.css';

const root = document.getElementById('root');
if (!root) throw new Error('Keyflare: #root is missing from index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
