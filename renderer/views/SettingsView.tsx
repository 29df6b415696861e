import { ChannelsEditor } from './ChannelsEditor';
import { ContactsEditor } from './ContactsEditor';
import { IntegrationsEditor } from './IntegrationsEditor';
import { OnCallEditor } from './OnCallEditor';
import { SchemeEditor } from './SchemeEditor';
import { SourcesEditor } from './SourcesEditor';
import { StatusesEditor } from './StatusesEditor';

export function SettingsView() {
  return (
    <section aria-labelledby="settings-heading">
      <header className="toolbar">
        <h1 id="settings-heading">Settings</h1>
      </header>
      <SchemeEditor />
      <StatusesEditor />
      <ContactsEditor />
      <OnCallEditor />
      <ChannelsEditor />
      <SourcesEditor />
      <IntegrationsEditor />
    </section>
  );
}
