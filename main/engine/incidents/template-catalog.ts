import type { CommTemplate, Incident } from '../../../preload/contract';
import { COMM_TEMPLATES } from './domain/comm-templates';

export type TemplateProvider = (incident: Incident) => readonly CommTemplate[];

/** The communication templates offered for an incident: the built-in ones, then those other areas bring for it (a runbook pack's). */
export class TemplateCatalog {
  private readonly providers: TemplateProvider[] = [];

  provide(provider: TemplateProvider): void {
    this.providers.push(provider);
  }

  forIncident(incident: Incident | null): CommTemplate[] {
    if (!incident) return [...COMM_TEMPLATES];
    return [...COMM_TEMPLATES, ...this.providers.flatMap((provide) => provide(incident))];
  }
}
