import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BATCH_CERT, PAYMENTS_CERT } from '../fixtures/certificates.js';
import { approveCommand, waitForState, writeCalls, writesTo } from '../helpers/approval-outcome.js';
import { approve, requestApproval } from '../helpers/approvals.js';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';
import { submitView } from '../helpers/interactions.js';
import { USERS } from '../helpers/policy.js';

const NOW = Date.parse('2027-06-01T12:00:00Z');

type Block = { block_id?: string; element?: { type: string; multiline?: boolean; max_length?: number } };

describe('certificates through the real app', () => {
  let h: Harness;
  let now = NOW;
  beforeAll(async () => {
    h = await startHarness({ start: { now: () => new Date(now) } });
  });
  afterAll(() => h.close());
  beforeEach(() => {
    h.openai.reset();
    now = NOW;
  });

  const seed = () => {
    const { state } = h.openai;
    const payments = state.certificates.add({ content: PAYMENTS_CERT, name: 'payments-client' });
    const batch = state.certificates.add({ content: BATCH_CERT, name: 'Batch client' });
    const alpha = state.addProject({ name: 'Alpha' });
    return { payments, batch, alpha };
  };

  const submitUpload = (name: string, pem: string, userId: string = USERS.admin) =>
    submitView(h, {
      callbackId: 'operation.view',
      userId,
      privateMetadata: JSON.stringify({ operation: 'certificates.upload', channelId: 'COPS' }),
      values: {
        name: { value: { type: 'plain_text_input', value: name } },
        certificate: { value: { type: 'plain_text_input', value: pem } },
      },
    });

  it('lists the certificates of the organization and of a project, each with its own state', async () => {
    const { payments, batch, alpha } = seed();
    h.openai.state.certificates.toggle([payments.id], null, true);
    h.openai.state.certificates.toggle([batch.id], alpha.id, true);
    const org = messageText(await h.ask('certificates list', USERS.viewer));
    expect(org).toContain('2 certificates of the organization');
    expect(org).toMatch(/payments-client.*cert_1.*active for the organization.*valid until 2036-11-28/s);
    expect(org).toMatch(/Batch client.*cert_2.*inactive for the organization.*valid until 2031-11-30/s);
    const project = messageText(await h.ask('certificates list --project alpha', USERS.viewer));
    expect(project).toContain('2 certificates of project Alpha');
    expect(project).toMatch(/payments-client.*inactive in this project/s);
    expect(project).toMatch(/Batch client.*active in this project/s);
  });

  it('shows one certificate found by name, with its validity and organization state', async () => {
    seed();
    const text = messageText(await h.ask('certificates show "batch CLIENT"', USERS.viewer));
    expect(text).toContain('Certificate Batch client');
    expect(text).toContain('Certificate id: cert_2');
    expect(text).toContain('Active for the organization: no');
    expect(text).toContain('Valid from 2026-12-01 to 2031-11-30 (valid until 2031-11-30)');
    expect(h.openai.requests.some((r) => r.method === 'GET' && r.path === '/organization/certificates/cert_2')).toBe(
      true,
    );
  });

  it('opens the upload form for the command typed alone, with a long PEM field', async () => {
    const mark = h.slack.mark();
    const sent = await h.command('certificates upload', USERS.admin);
    expect(sent.status).toBe(200);
    const opened = await h.slack.waitFor(mark, (c) => c.method === 'views.open');
    const view = opened.body.view as { callback_id: string; private_metadata: string; blocks: Block[] };
    expect(view.callback_id).toBe('operation.view');
    expect(JSON.parse(view.private_metadata)).toEqual({ operation: 'certificates.upload', channelId: 'COPS' });
    const field = (id: string) => view.blocks.find((b) => b.block_id === id)?.element;
    expect(field('name')?.type).toBe('plain_text_input');
    expect(field('certificate')).toMatchObject({ type: 'plain_text_input', multiline: true, max_length: 3000 });
    expect(h.openai.requests).toHaveLength(0);
  });

  it('tells a viewer at once that they may not upload, without opening the form', async () => {
    const mark = h.slack.mark();
    const text = messageText(await h.ask('certificates upload', USERS.viewer));
    expect(text).toContain('You are not allowed to make this change');
    expect(h.slack.calls.slice(mark.index).some((c) => c.method === 'views.open')).toBe(false);
  });

  it.each([
    ['text that is no PEM', 'hello', 'This is not a PEM certificate'],
    [
      'a private key',
      '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49\n-----END PRIVATE KEY-----',
      'This is a private key',
    ],
    ['a cut certificate', PAYMENTS_CERT.replace(/\n[A-Za-z0-9+/]{64}\n/, '\n'), 'not hold a readable X.509'],
    ['a mangled certificate', PAYMENTS_CERT.replace('MIIB', 'M%IB'), 'is not base64'],
    ['two certificates', `${PAYMENTS_CERT}\n${BATCH_CERT}`, 'upload one certificate at a time'],
  ])('shows what is wrong with %s on the PEM field itself and uploads nothing', async (_case, pem, message) => {
    const answer = await submitUpload('edge', pem);
    expect(answer.status).toBe(200);
    const body = JSON.parse(answer.text) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe('errors');
    expect(body.errors.certificate).toContain(message);
    expect(writesTo(h)).toHaveLength(0);
  });

  it('uploads a certificate from the form, sent in canonical PEM even when its line breaks were lost', async () => {
    const mark = h.slack.mark();
    const flattened = `subject=CN = payments-mtls-client\n${PAYMENTS_CERT.replace(/\n/g, ' ')}`;
    const answer = await submitUpload('payments-client', flattened);
    expect(answer.status).toBe(200);
    expect(answer.text).toBe('');
    const told = await h.slack.waitFor(mark, (c) => c.method === 'chat.postEphemeral');
    expect(told.body).toMatchObject({ channel: 'COPS', user: USERS.admin });
    const text = messageText(told);
    expect(text).toContain('Uploaded certificate "payments-client" (cert_1).');
    expect(text).toContain('Valid from 2026-12-01 to 2036-11-28');
    expect(text).toContain('It is not active yet: /openai certificates activate cert_1');
    expect(writeCalls(h)).toEqual([
      { call: 'POST /organization/certificates', body: { name: 'payments-client', certificate: PAYMENTS_CERT } },
    ]);
    const stored = h.openai.state.certificates.records.get('cert_1');
    expect(stored?.name).toBe('payments-client');
    expect(h.openai.state.certificates.activation('cert_1')).toEqual({ organization: false, projectIds: [] });
    expect(messageText(await h.ask('certificates list'))).toContain('payments-client');
  });

  it('uploads a certificate typed in the command, quoted, and refuses a name already taken', async () => {
    const text = messageText(await h.ask(`certificates upload batch "${BATCH_CERT}"`));
    expect(text).toContain('Uploaded certificate "batch" (cert_1).');
    const again = messageText(await h.ask(`certificates upload BATCH "${PAYMENTS_CERT}"`));
    expect(again).toContain('A certificate named "batch" already exists (cert_1)');
    expect(writesTo(h)).toHaveLength(1);
  });

  it('refuses an expired certificate and says when it expired, uploading nothing', async () => {
    now = Date.parse('2032-01-01T00:00:00Z');
    const text = messageText(await h.ask(`certificates upload old "${BATCH_CERT}"`));
    expect(text).toContain('This certificate expired on 2031-11-30; upload one that is still valid.');
    expect(writesTo(h)).toHaveLength(0);
  });

  it('activates certificates named by name and id for the organization, then says when nothing is left to do', async () => {
    const { payments, batch } = seed();
    const text = messageText(await h.ask(`certificates activate payments-client ${batch.id}`));
    expect(writeCalls(h)).toEqual([
      { call: 'POST /organization/certificates/activate', body: { certificate_ids: [payments.id, batch.id] } },
    ]);
    expect(text).toContain('Activated "payments-client" (cert_1), "Batch client" (cert_2) for the organization.');
    expect(h.openai.state.certificates.isActive(payments.id, null)).toBe(true);
    const again = messageText(await h.ask('certificates activate cert_1'));
    expect(again).toContain('"payments-client" (cert_1) is already active for the organization; nothing to change.');
    expect(writesTo(h)).toHaveLength(1);
  });

  it('activates for one project only, leaving the organization as it was', async () => {
    const { payments, alpha } = seed();
    const text = messageText(await h.ask('certificates activate payments-client --project Alpha'));
    expect(writeCalls(h)).toEqual([
      {
        call: `POST /organization/projects/${alpha.id}/certificates/activate`,
        body: { certificate_ids: [payments.id] },
      },
    ]);
    expect(text).toContain(`Activated "payments-client" (cert_1) for project Alpha (${alpha.id}).`);
    expect(h.openai.state.certificates.activation(payments.id)).toEqual({
      organization: false,
      projectIds: [alpha.id],
    });
  });

  it.each([
    ['certificates activate nobody', 'No certificate of the organization is named "nobody"'],
    ['certificates activate', 'Missing <certificate>.'],
    ['certificates activate payments-client --project Nowhere', 'No project is named "Nowhere"'],
    ['certificates rename payments-client "Batch client"', 'A certificate named "Batch client" already exists'],
    ['certificates delete nobody', 'No certificate of the organization is named "nobody"'],
  ])('answers "%s" with a specific message and changes nothing', async (command, message) => {
    seed();
    expect(messageText(await h.ask(command))).toContain(message);
    expect(writesTo(h)).toHaveLength(0);
  });

  it('refuses more than ten certificates at once, as OpenAI takes ten per call', async () => {
    const { state } = h.openai;
    for (let i = 0; i < 11; i++) state.certificates.add({ content: i % 2 ? PAYMENTS_CERT : BATCH_CERT, name: `c${i}` });
    const names = Array.from({ length: 11 }, (_, i) => `c${i}`).join(' ');
    const text = messageText(await h.ask(`certificates activate ${names}`));
    expect(text).toContain('OpenAI takes at most 10 certificates at once; 11 were named.');
    expect(writesTo(h)).toHaveLength(0);
  });

  it('renames a certificate found by name', async () => {
    const { batch } = seed();
    const text = messageText(await h.ask('certificates rename "Batch client" batch-2027'));
    expect(writeCalls(h)).toEqual([
      { call: `POST /organization/certificates/${batch.id}`, body: { name: 'batch-2027' } },
    ]);
    expect(text).toContain('Renamed certificate "Batch client" (cert_2) to "batch-2027".');
    expect(h.openai.state.certificates.records.get(batch.id)?.name).toBe('batch-2027');
  });

  it('deactivates for the organization only once a second person approves', async () => {
    const { payments, batch } = seed();
    h.openai.state.certificates.toggle([payments.id, batch.id], null, true);
    const { cardText } = await approveCommand(h, `certificates deactivate ${batch.id} payments-client`);
    expect(cardText).toContain('Deactivate certificates \\"Batch client\\" (cert_2), \\"payments-client\\" (cert_1)');
    expect(cardText).toContain('Clients that present them may be refused by OpenAI for the organization');
    expect(writeCalls(h)).toEqual([
      { call: 'POST /organization/certificates/deactivate', body: { certificate_ids: [batch.id, payments.id] } },
    ]);
    expect(h.openai.state.certificates.activation(payments.id)).toEqual({ organization: false, projectIds: [] });
  });

  it('deactivates for a project only once a second person approves', async () => {
    const { payments, alpha } = seed();
    h.openai.state.certificates.toggle([payments.id], alpha.id, true);
    h.openai.state.certificates.toggle([payments.id], null, true);
    const { cardText } = await approveCommand(h, 'certificates deactivate payments-client --project Alpha');
    expect(cardText).toContain(`Deactivate certificate \\"payments-client\\" (cert_1) for project Alpha (${alpha.id})`);
    expect(cardText).toContain('Clients that present it may be refused by OpenAI');
    expect(writeCalls(h)).toEqual([
      {
        call: `POST /organization/projects/${alpha.id}/certificates/deactivate`,
        body: { certificate_ids: [payments.id] },
      },
    ]);
    expect(h.openai.state.certificates.activation(payments.id)).toEqual({ organization: true, projectIds: [] });
  });

  it('refuses up front to delete a certificate active for the organization', async () => {
    const { payments } = seed();
    h.openai.state.certificates.toggle([payments.id], null, true);
    const text = messageText(await h.ask('certificates delete payments-client'));
    expect(text).toContain('is active for the organization. Deactivate it first');
    expect(writesTo(h)).toHaveLength(0);
  });

  it('deletes an inactive certificate once approved by someone else', async () => {
    const { batch } = seed();
    const { cardText } = await approveCommand(h, 'certificates delete "Batch client"');
    expect(cardText).toContain('Delete certificate \\"Batch client\\" (cert_2)');
    expect(cardText).toContain('This cannot be undone');
    expect(writeCalls(h)).toEqual([{ call: `DELETE /organization/certificates/${batch.id}`, body: undefined }]);
    expect(h.openai.state.certificates.records.has(batch.id)).toBe(false);
    expect(messageText(await h.ask('certificates list'))).toContain('1 certificate of the organization');
  });

  it('reports OpenAI refusing to delete a certificate still active in a project, with its request id', async () => {
    const { batch, alpha } = seed();
    h.openai.state.certificates.toggle([batch.id], alpha.id, true);
    const { card, id } = await requestApproval(h, 'certificates delete cert_2');
    await approve(h, card, USERS.approver);
    const failed = await waitForState(h, id, 'failed');
    expect(JSON.stringify(failed.error)).toContain(`active for project ${alpha.id}`);
    expect(JSON.stringify(failed.error)).toMatch(/req_\d+/);
    expect(h.openai.state.certificates.records.has(batch.id)).toBe(true);
  });
});
