import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { createQueryClient, sessionStore } from '../app/api';
import { App } from '../app/app';
import { changeLanguage } from '../i18n/i18n';
import '../i18n/i18n';

/** The whole admin at `path`, as after a fresh page load (session unknown, Vietnamese). */
export function renderApp(path = '/') {
  sessionStore.reset();
  changeLanguage('vi');
  return render(
    <MemoryRouter initialEntries={[path]}>
      <App queryClient={createQueryClient()} />
    </MemoryRouter>,
  );
}
