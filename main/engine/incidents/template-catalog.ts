import type { CommTemplate, Incident, PostmortemTemplate } from '../../../preload/contract';
import { COMM_TEMPLATES } from './domain/comm-templates';

export type TemplateProvider = (incident: Incident) => readonly (CommTemplate | PostmortemTemplate)[];

const isPostmortem = (t: CommTemplate | PostmortemTemplate): t is PostmortemTemplate => 'kind' in t && t.kind === 'postmortem';

/** The communication templates offered for an incident: the built-in ones, then those other areas bring for it (a runbook pack's). */
export class TemplateCatalog {
  private readonly providers: TemplateProvider[] = [];

  provide(provider: TemplateProvider): void {
    this.providers.push(provider);
  }

  forIncident(incident: Incident | null): CommTemplate[] {
    if (!incident) return [...COMM_TEMPLATES];
    return [...COMM_TEMPLATES, ...this.providers.flatMap((provide) => provide(incident).filter((t): t is CommTemplate => !isPostmortem(t)))];
  }

  /** The post-mortem templates other areas bring for an incident; the built-in draft is not among them. */
  postmortemsFor(incident: Incident): PostmortemTemplate[] {
    return this.providers.flatMap((provide) => provide(incident).filter(isPostmortem));
  }
}
