import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { connectToTeams } from './teams';
import './styles.css';
import './layouts.css';

// Teams' handshake starts at once; in local mode (`as=`) the plan loads alongside it rather than after it.
const host = connectToTeams();
const root = document.getElementById('root');
if (root) createRoot(root).render(<App host={host} />);
