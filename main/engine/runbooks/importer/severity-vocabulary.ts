// The words that name severity tables, their columns and their fields, in English, German,
// French, Spanish, Italian, Portuguese and Dutch, so a team's own table is read as it is.

/** A heading about severity levels: "Severity levels", "Schweregrade", "Niveaux de gravité". */
export const SEVERITY_CONTEXT =
  /sever|priorit|classif|\blevels?\b|impact|urgenc|schwere|stufe|dringlich|kritikalit|gravit|s[ée]v[ée]rit|niveau|criticit|severidad|gravedad|nivel|prioridad|livell|n[íi]vel|gravidade|severidade|ernst|prioriteit/i;

/** A column naming the level, by a word that only a severity column uses. */
export const SEVERITY_COLUMN =
  /sever|\bsev\b|priorit|\bprio\b|urgenc|schwere|dringlich|kritikalit|gravit|s[ée]v[ée]rit|criticit|severidad|gravedad|prioridad|gravidade|severidade|ernst|prioriteit/i;

/** A column that names the level only in a table that is about levels: "Level", "Tier", "Stufe". */
export const LEVEL_COLUMN = /\blevel\b|\btier\b|\bclass\b|\bgrade\b|\bname\b|stufe|niveau|nivel|livello|n[íi]vel|\bnom\b|\bnombre\b/i;

export const DEFINITION_COLUMN =
  /defin|descr|impact|criteria|meaning|scope|beschreibung|auswirkung|kriterien|bedeutung|crit[èe]res|descripci|definici|impacto|criterios|descrizione|descri[çc][ãa]o|beschrijving|omschrijving|betekenis/i;

export const EXAMPLES_COLUMN = /example|beispiel|exemple|ejemplo|esempi|exemplo|voorbeeld/i;

export const UPDATE_COLUMN = /update|cadence|aktualisier|mise à jour|mises à jour|actualizaci|aggiornament|atualiza/i;

export const ESCALATION_COLUMN = /escalat|eskalation|escalade|escalada|escalação|escalatie/i;

/**
 * A column giving the level's name beside its key ("S1 | Outage"): its label. Only a column other
 * than the level column is read so, since "Name" alone may head the level column itself.
 */
export const LABEL_COLUMN = /\bname\b|\blabel\b|\btitle\b|bezeichnung|benennung|\btitel\b|\bnom\b|\btitre\b|\bnombre\b|\bt[íi]tulo\b|\bnome\b|\btitolo\b|\bnaam\b/i;

/** A column saying who is paged or notified for the level ("Page: Primary + IC"), read into `notify`. */
export const NOTIFY_COLUMN = /\bpag(?:e|ed|ing)\b|notif|benachrichtig|alarmier|\bwho\b|\bwer\b|\bqui\b|qui[ée]n|\bchi\b|\bquem\b/i;

/** A sentence about escalating, in the languages above: "Escalate to the Head of Data after 45 minutes". */
export const ESCALATION_SENTENCE = /escalat|eskal|escalad|escalar\b|escala[çc]|escalier/i;

/**
 * A response counted in business days ("next business day", "1 business day", "nächster Werktag"):
 * a response time, but none in minutes, since it depends on the team's business hours.
 */
export const BUSINESS_DAYS =
  /\b(?:business|working|work)\s+days?\b|werktag|arbeitstag|jours?\s+ouvr|d[íi]as?\s+(?:h[áa]bil|laborable)|giorn[oi]\s+lavorativ|dias?\s+[úu]te(?:is|l)|werkdag/i;
