// Destructive rules for containers, clusters and infrastructure as code. podman is read as
// docker and oc as kubectl (invocation.ts), so their rules are these.
import { isZero, valueOf, type DestructiveRule } from './destructive-rule';

/** Each compose sub-command, for both `docker compose` and the older `docker-compose`. */
function compose(...subcommands: string[]): string[] {
  return subcommands.flatMap((sub) => [`docker compose ${sub}`, `docker-compose ${sub}`]);
}

export const CLUSTER_RULES: readonly DestructiveRule[] = [
  { command: ['docker stop', 'docker kill', 'docker container stop', 'docker container kill', 'docker pod stop', 'docker pod kill'], reason: '`{program} stop`/`kill` stops containers' },
  { command: ['docker restart', 'docker container restart'], reason: '`{program} restart` restarts containers, interrupting them' },
  { command: ['docker rm', 'docker container rm', 'docker container remove', 'docker rmi', 'docker image rm', 'docker image remove', 'docker pod rm'], reason: '`{program} rm`/`rmi` removes containers or images' },
  { command: ['docker volume rm', 'docker volume remove'], reason: '`{program} volume rm` deletes the volume and its data' },
  {
    command: ['docker network rm', 'docker service rm', 'docker stack rm', 'docker swarm leave', 'docker node rm', 'docker secret rm', 'docker config rm'],
    reason: '`{program} … rm` removes networks, services or stacks',
  },
  {
    command: ['docker system prune', 'docker container prune', 'docker image prune', 'docker volume prune', 'docker network prune', 'docker builder prune'],
    reason: '`{program} … prune` deletes unused containers, images, networks or volumes',
  },
  { command: 'docker service scale', when: (inv) => inv.rest.some((r) => /^[^=]+=0+$/.test(r)), reason: '`{program} service scale …=0` stops every task of the service' },
  { command: 'docker service update', when: (inv) => isZero(valueOf(inv, '--replicas')), reason: '`{program} service update --replicas 0` stops every task of the service' },
  { command: 'docker service rollback', reason: '`{program} service rollback` rolls a service back to its previous version' },
  { command: 'docker service update', when: (inv) => inv.has('--rollback'), reason: '`{program} service update --rollback` rolls a service back to its previous version' },
  { command: compose('down'), when: (inv) => inv.has('-v', '--volumes'), reason: '`compose down -v` removes the containers and deletes their volumes and data' },
  { command: compose('down'), reason: '`compose down` stops and removes the project\'s containers' },
  { command: compose('stop', 'kill', 'rm', 'restart'), reason: '`compose stop`/`restart`/`rm` stops, restarts or removes containers' },
  { command: ['crictl rm', 'crictl rmp', 'crictl rmi', 'crictl stop', 'crictl stopp'], reason: '`crictl rm`/`stop` stops or removes containers' },
  { command: 'kubectl delete', reason: '`{program} delete` deletes cluster resources' },
  { command: ['kubectl drain', 'kubectl adm drain'], reason: '`{program} drain` evicts every pod from a node' },
  { command: ['kubectl cordon', 'kubectl adm cordon'], reason: '`{program} cordon` stops new pods from being scheduled on a node' },
  { command: 'kubectl scale', when: (inv) => isZero(valueOf(inv, '--replicas')), reason: '`{program} scale --replicas=0` stops every pod of the workload' },
  { command: ['kubectl rollout undo', 'kubectl rollback'], reason: '`{program} rollout undo` rolls a workload back to an earlier version' },
  { command: 'kubectl rollout restart', reason: '`{program} rollout restart` restarts every pod of the workload' },
  { command: ['kubectl apply', 'kubectl patch', 'kubectl edit', 'kubectl replace', 'kubectl set image'], reason: '`{program} apply`/`patch`/`edit` changes live cluster resources' },
  { command: ['kubectl taint', 'kubectl adm taint'], reason: '`{program} taint` can evict pods from a node' },
  { command: 'kubectl adm prune', reason: '`oc adm prune` deletes old images, builds or deployments' },
  {
    command: 'kubectl debug',
    when: (inv) => inv.operands.some((o) => o.startsWith('node/')) || inv.args.includes('chroot'),
    reason: '`{program} debug node/…` runs a privileged pod with the node\'s root filesystem (`chroot /host` is root on the node)',
  },
  // `del` and `un` are helm's own aliases of `uninstall`.
  { command: ['helm uninstall', 'helm delete', 'helm del', 'helm un'], reason: '`helm uninstall` removes a release and its resources' },
  { command: 'helm rollback', reason: '`helm rollback` rolls a release back to an earlier version' },

  // Infrastructure as code.
  { command: ['terraform destroy', 'terraform state rm', 'terraform workspace delete'], reason: '`terraform destroy` deletes infrastructure' },
  { command: 'terraform state push', reason: '`terraform state push` overwrites the stored state, losing track of what it does not list' },
  { command: 'terraform apply', reason: '`terraform apply` changes live infrastructure, possibly replacing or deleting it' },
  { command: 'terraform taint', reason: '`terraform taint` makes the next apply replace a resource' },
  // terragrunt passes the terraform command on, also after `run-all` or `run --all`.
  { command: 'terragrunt', when: (inv) => inv.operands.includes('destroy') || inv.args.includes('-destroy'), reason: '`terragrunt destroy` deletes infrastructure' },
  { command: 'terragrunt', when: (inv) => inv.operands.includes('apply'), reason: '`terragrunt apply` changes live infrastructure, possibly replacing or deleting it' },
  { command: ['pulumi destroy', 'pulumi stack rm', 'pulumi state delete'], reason: '`pulumi destroy` deletes infrastructure' },
  { command: ['pulumi up', 'pulumi update'], reason: '`pulumi up` changes live infrastructure, possibly replacing or deleting it' },
];
