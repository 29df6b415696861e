import { describe, expect, it } from 'vitest';
import { findAssignedVariables, findPlaceholders, findShellVariables, maskPlaceholders, restorePlaceholders } from '../../main/engine/lib/shell/placeholders';

describe('findPlaceholders in commands', () => {
  it('finds angle, mustache, date and variable placeholders in order of appearance', () => {
    expect(findPlaceholders('git checkout <previous-tag-or-commit> && echo {{ service }} $TOKEN fix-YYYY-MM-DD')).toEqual([
      '<previous-tag-or-commit>',
      '{{ service }}',
      '$TOKEN',
      'YYYY-MM-DD',
    ]);
  });

  it('skips redirections, here-documents, process substitution and addresses', () => {
    expect(findPlaceholders('sort <in.txt >out.txt; cat <<EOF > x\ndiff <(ls a) <(ls b); mail <ops@example.com>')).toEqual([]);
  });

  it('reads `[Brief description]` but not shell tests, globs or regular expressions', () => {
    expect(findPlaceholders('notify "[Brief description]"')).toEqual(['[Brief description]']);
    expect(findPlaceholders('[ -f /etc/app ] && ls [a-z]*.log && grep -E "[0-9]+" x && [[ -d /tmp ]]')).toEqual([]);
    expect(findPlaceholders('curl "q=rate(x[5m])"')).toEqual([]);
  });

  it('treats a bracketed tag at the start of a quoted title as text', () => {
    expect(findPlaceholders('gh issue create --title "[INCIDENT P0] Production down"')).toEqual([]);
  });

  it('leaves out variables the runbook sets, the environment provides, single-quoted ones and those with a default', () => {
    const defined = new Set(['APP_DIR']);
    expect(findPlaceholders('cd $APP_DIR && echo $HOME ${REGION} ${ZONE:-eu} \'$NOT_EXPANDED\' "$QUOTED"', { definedVariables: defined })).toEqual([
      '$REGION',
      '$QUOTED',
    ]);
  });

  it('does not mistake go-templates or HTML for placeholders', () => {
    expect(findPlaceholders("kubectl get pods -o go-template='{{.metadata.name}}'")).toEqual([]);
    expect(findPlaceholders('line<br>next', { mode: 'template' })).toEqual([]);
  });

  it('leaves Go and Helm templates in quoted arguments alone, keywords and all', () => {
    expect(findPlaceholders(`kubectl get pods -o go-template='{{range .items}}{{.metadata.name}}{{"\\n"}}{{end}}'`)).toEqual([]);
    expect(findPlaceholders(`oc get nodes -o template --template="{{ range .items }}{{ if .spec.unschedulable }}{{ .metadata.name }}{{ end }}{{ end }}"`)).toEqual([]);
    expect(findPlaceholders(`helm upgrade web ./chart --set tag='{{ .Values.tag }}' --set owner={{ owner }}`)).toEqual(['{{ owner }}']);
    expect(findPlaceholders(`curl -d '{"version": "{{ version }}"}' https://deploy.example`)).toEqual(['{{ version }}']);
  });
});

describe('maskPlaceholders', () => {
  it('puts a same-length word in place of each <placeholder>, and restorePlaceholders puts it back', () => {
    const command = 'kubectl logs <pod-name> -n <namespace> --since=<duration> > /tmp/out 2>&1';
    const masked = maskPlaceholders(command);
    expect(masked).toBe('kubectl logs _pod_name_ -n _namespace_ --since=_duration_ > /tmp/out 2>&1');
    expect(masked).toHaveLength(command.length);
    expect(restorePlaceholders('kubectl logs _pod_name_ -n _namespace_ --tail=200', command)).toBe('kubectl logs <pod-name> -n <namespace> --tail=200');
    expect(maskPlaceholders('sort <in.txt >out.txt; cat <<EOF')).toBe('sort <in.txt >out.txt; cat <<EOF');
  });
});

describe('findPlaceholders in templates', () => {
  it('accepts looser bracket contents and skips status tags, links and task boxes', () => {
    const body = [
      '[INVESTIGATING] We are investigating reports of [issue description].',
      'Severity: SEV-[1/2/3/4]',
      '- [ ] [Action item 1] - Owner: [Name]',
      'See [the docs](https://example.com) and [ref][1].',
      '[INCIDENT UPDATE - HeroForge]',
      'Duration: XX minutes, at HH:MM',
    ].join('\n');
    expect(findPlaceholders(body, { mode: 'template' })).toEqual([
      '[issue description]',
      '[1/2/3/4]',
      '[Action item 1]',
      '[Name]',
      'XX',
      'HH:MM',
    ]);
  });

  it('does not report $ amounts or shell variables in prose', () => {
    expect(findPlaceholders('Refund $100 to $CUSTOMER', { mode: 'template' })).toEqual([]);
  });
});

describe('shell variables', () => {
  it('lists referenced variables once, outside single quotes', () => {
    expect(findShellVariables('echo "$A ${B}" \'$C\' $A \\$D $1 $?')).toEqual(['$A', '$B']);
  });

  it('finds what a script assigns, exports, reads or loops over', () => {
    expect(findAssignedVariables('TAG=v1\nexport DB_URL=postgres://x\nread -r HOST PORT\nfor f in *.log; do echo $f; done\nNODE_ENV=prod npm start')).toEqual([
      'TAG',
      'DB_URL',
      'HOST',
      'PORT',
      'f',
      'NODE_ENV',
    ]);
  });

  it('does not take option values for assignments', () => {
    expect(findAssignedVariables('fly secrets set KEY=value -a app\nkubectl create secret --from-literal=jwt=$(x)')).toEqual([]);
  });
});
