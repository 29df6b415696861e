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
