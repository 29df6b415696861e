import { ChannelsEditor } from './ChannelsEditor';
import { ContactsEditor } from './ContactsEditor';
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
      <ChannelsEditor />
      <SourcesEditor />
    </section>
  );
}
