import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import { formatClock, formatDuration } from '../../main/engine/incidents/domain/format-time';
import { startServe } from '../helpers/serve-process';
import { removeDir, tempDir } from '../helpers/temp-dir';
import { startWebhookServer } from '../helpers/webhook-server';
import { connectRpc } from '../helpers/ws-client';

test('P1: checklist, ticks, a templated update to a webhook, resolve, post-mortem export', async ({ page }) => {
  const dataDir = tempDir();
  const hook = await startWebhookServer();
  const serve = await startServe(dataDir);
  try {
    await page.goto(serve.url);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Channel name').fill('#incidents');
    await page.getByLabel('Channel kind').selectOption('slack');
    await page.getByLabel('Webhook URL').fill(hook.url);
    await page.getByRole('button', { name: 'Add channel' }).click();
    await expect(page.getByRole('status')).toContainText('Channel #incidents saved');

    await page.getByRole('link', { name: 'Incidents' }).click();
    await page.getByRole('button', { name: 'Declare incident…' }).click();
    await page.getByLabel('Title').fill('Checkout returns 502');
    await page.getByLabel('Severity').selectOption('P1');
    await page.getByRole('textbox', { name: 'Impact' }).fill('EU customers cannot pay');
    await page.getByLabel('Commander').fill('ana');
    await page.getByRole('button', { name: 'Declare', exact: true }).click();

    // The critical quick-response checklist is attached on declaration.
    const checklist = page.getByRole('group', { name: /Critical incident: quick response/ });
    await expect(checklist).toBeVisible();
    await expect(checklist.getByRole('checkbox')).toHaveCount(7);
    await checklist.getByLabel('Acknowledge incident (respond in monitoring channel)').check();
    await checklist.getByLabel('Assess scope and impact').check();
    await expect(checklist.locator('legend')).toContainText('2/7');
    await expect(page.locator('.timeline')).toContainText('Done: Assess scope and impact');
    await expect(page.getByRole('timer').first()).toBeVisible();

    // The compact checklist opens in its own small window and ticks from there land in the timeline.
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.getByRole('button', { name: 'Compact checklist' }).click()]);
    const compact = popup.getByRole('group', { name: /Critical incident: quick response/ });
    await expect(compact.locator('legend')).toContainText('2/7');
    await compact.getByLabel('Notify stakeholders').check();
    await expect(compact.locator('legend')).toContainText('3/7');
    await popup.close();
    await expect(page.locator('.timeline')).toContainText('Done: Notify stakeholders');

    // A templated update goes to the webhook exactly as previewed.
    await page.getByLabel('Template').selectOption({ label: 'Slack update' });
    await expect(page.getByLabel('Update text')).toHaveValue(/INCIDENT: Checkout returns 502/);
    await expect(page.getByLabel('Preview')).toContainText('Still blank: {{eta}}');
    await page.getByLabel('Update text').fill((await page.getByLabel('Update text').inputValue()).replace('{{eta}}', '30 minutes'));
    await page.getByLabel('Send to').selectOption({ label: '#incidents (Slack)' });
    const sent = await page.getByLabel('Update text').inputValue();
    await page.getByRole('button', { name: 'Post update' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Posted to #incidents' })).toBeVisible();
    expect(hook.bodies).toHaveLength(1);
    expect(hook.bodies[0].path).toBe('/services/T000/B000/secret-token');
    expect(hook.bodies[0].contentType).toContain('application/json');
    expect(hook.bodies[0].body).toBe(JSON.stringify({ text: sent }));
    expect(sent).toBe(
      '🚨 INCIDENT: Checkout returns 502\nSeverity: P1\nStatus: Investigating\nImpact: EU customers cannot pay\nETA: 30 minutes\nIncident Commander: @ana',
    );
    await expect(page.locator('.timeline')).toContainText('Update sent via #incidents');

    await page.getByRole('button', { name: 'Move to Resolved' }).click();
    await expect(page.locator('.timeline')).toContainText('Resolved after');

    await page.getByRole('button', { name: 'Post-mortem' }).click();
    await expect(page.getByLabel('Post-mortem Markdown')).toHaveValue(/# Incident Post-Mortem: Checkout returns 502/);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export .md' }).click();
    const file = await (await downloading).path();
    const markdown = fs.readFileSync(file, 'utf8');

    const rpc = await connectRpc(serve.port, serve.token);
    const { incident, timeline } = (await rpc.call('incidents.get', { id: 1 })).result;
    rpc.close();
    expect(markdown).toContain(`- **Duration**: ${formatDuration(incident.resolvedAt - incident.createdAt)}`);
    for (const entry of timeline) {
      expect(markdown).toContain(`- ${formatClock(entry.at, 'UTC')} — ${entry.text.split('\n')[0]}`);
    }
    expect(markdown).toContain('Done: Assess scope and impact');
    expect(markdown).toContain('Update sent via #incidents');
  } finally {
    await serve.stop();
    await hook.close();
    removeDir(dataDir);
  }
});

test('a webhook that answers 500 keeps the text and says why', async ({ page }) => {
  const dataDir = tempDir();
  const hook = await startWebhookServer(500);
  const serve = await startServe(dataDir);
  try {
    const rpc = await connectRpc(serve.port, serve.token);
    await rpc.call('channels.save', { name: 'status-hook', kind: 'json', url: hook.url });
    await rpc.call('incidents.declare', { title: 'DB locked', severity: 'P2' });
    rpc.close();
    await page.goto(`${serve.url}#/incidents/1`);
    await page.getByLabel('Update text').fill('We are looking into database lock errors.');
    await page.getByLabel('Send to').selectOption({ label: 'status-hook (webhook)' });
    await page.getByRole('button', { name: 'Post update' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Not posted to status-hook' })).toContainText('500');
    await expect(page.getByLabel('Update text')).toHaveValue('We are looking into database lock errors.');
    await expect(page.locator('.timeline')).toContainText('Update NOT sent via status-hook');
    expect(hook.bodies).toHaveLength(1);
  } finally {
    await serve.stop();
    await hook.close();
    removeDir(dataDir);
  }
});
