/**
 * Payload checks the fake Discord applies the way Discord does, returning errors in Discord's own
 * nested shape (`{ embeds: { 0: { description: { _errors: [...] } } } }`).
 * The limits are written out here on purpose rather than imported from the transport, so a wrong
 * constant in the product cannot make the fake agree with it.
 */

export interface FieldError {
  path: (string | number)[];
  code: string;
  message: string;
}

/** Discord's 400 body: `{ code: 50035, message: 'Invalid Form Body', errors }`. */
export interface DiscordFormError {
  code: 50035;
  message: 'Invalid Form Body';
  errors: Record<string, unknown>;
}

export function toDiscordFormError(errors: readonly FieldError[]): DiscordFormError {
  const root: Record<string, unknown> = {};
  for (const error of errors) {
    let node = root;
    for (const key of error.path) {
      const k = String(key);
      node[k] ??= {};
      node = node[k] as Record<string, unknown>;
    }
    const list = (node._errors ??= []) as { code: string; message: string }[];
    list.push({ code: error.code, message: error.message });
  }
  return { code: 50035, message: 'Invalid Form Body', errors: root };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkString(
  errors: FieldError[],
  path: (string | number)[],
  value: unknown,
  max: number,
  { required = false, min = required ? 1 : 0 }: { required?: boolean; min?: number } = {},
): number {
  if (value === undefined || value === null) {
    if (required) errors.push({ path, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
    return 0;
  }
  if (typeof value !== 'string') {
    errors.push({ path, code: 'STRING_TYPE_CONVERT', message: 'Could not interpret value as string.' });
    return 0;
  }
  // Discord counts characters (code points), not UTF-16 units.
  const length = [...value].length;
  if (length > max) {
    errors.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
  } else if (length < min || (required && value.trim() === '')) {
    errors.push({ path, code: 'BASE_TYPE_MIN_LENGTH', message: `Must be ${min} or more in length.` });
  }
  return length;
}

/** The uploaded files of a multipart request, by the attachment id the payload refers to. */
export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  size: number;
  bytes: Uint8Array;
}

/**
 * A message body (channel message, interaction response data, webhook execute/edit).
 * `partial` is for edits, where an empty body is allowed.
 */
export function validateMessage(body: unknown, files: readonly UploadedFile[], options: { partial?: boolean } = {}): FieldError[] {
  const errors: FieldError[] = [];
  if (!isRecord(body)) {
    if (options.partial && body === undefined) return errors;
    return [{ path: [], code: 'MODEL_TYPE_CONVERT', message: 'Only dictionaries may be used in a ModelType' }];
  }
  checkString(errors, ['content'], body.content, 2000);
  // Discord: a nonce is an integer or a string of at most 25 characters; enforce_nonce needs one.
  if (body.nonce !== undefined && body.nonce !== null) {
    if (typeof body.nonce === 'string') checkString(errors, ['nonce'], body.nonce, 25);
    else if (typeof body.nonce !== 'number' || !Number.isInteger(body.nonce)) {
      errors.push({ path: ['nonce'], code: 'BASE_TYPE_BAD_TYPE', message: 'Must be an integer or a string.' });
    }
  }
  if (body.enforce_nonce === true && (body.nonce === undefined || body.nonce === null)) {
    errors.push({ path: ['nonce'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required when enforce_nonce is set.' });
  }

  let embedTotal = 0;
  const embeds = body.embeds;
  if (embeds !== undefined && embeds !== null) {
    if (!Array.isArray(embeds)) {
      errors.push({ path: ['embeds'], code: 'LIST_TYPE_CONVERT', message: 'Only iterables may be used in a ListType' });
    } else {
      if (embeds.length > 10) errors.push({ path: ['embeds'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 10 or fewer in length.' });
      embeds.forEach((embed: unknown, i) => {
        embedTotal += validateEmbed(errors, ['embeds', i], embed, files);
      });
      // The 6,000 total is over every embed of the message together.
      if (embedTotal > 6000) {
        errors.push({ path: ['embeds'], code: 'MAX_EMBED_SIZE_EXCEEDED', message: 'Embed size exceeds maximum size of 6000' });
      }
    }
  }

  const allowed = body.allowed_mentions;
  if (allowed !== undefined && allowed !== null) {
    if (!isRecord(allowed)) {
      errors.push({ path: ['allowed_mentions'], code: 'MODEL_TYPE_CONVERT', message: 'Only dictionaries may be used in a ModelType' });
    } else if (allowed.parse !== undefined) {
      if (!Array.isArray(allowed.parse) || allowed.parse.some((p) => !['users', 'roles', 'everyone'].includes(String(p)))) {
        errors.push({
          path: ['allowed_mentions', 'parse'],
          code: 'BASE_TYPE_CHOICES',
          message: 'Value must be one of {users, roles, everyone}.',
        });
      }
      if (Array.isArray(allowed.parse) && allowed.parse.includes('users') && Array.isArray(allowed.users) && allowed.users.length > 0) {
        errors.push({
          path: ['allowed_mentions'],
          code: 'SET_TYPE_ALREADY_CONTAINS_VALUE',
          message: 'parse:["users"] and users: [ids] are mutually exclusive.',
        });
      }
    }
  }

  const attachments = body.attachments;
  if (Array.isArray(attachments)) {
    if (attachments.length > 10)
      errors.push({ path: ['attachments'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 10 or fewer in length.' });
    attachments.forEach((a: unknown, i) => {
      if (!isRecord(a)) return;
      if (a.description !== undefined) checkString(errors, ['attachments', i, 'description'], a.description, 1024);
      // A new upload must match a `files[id]` part of the multipart body.
      // (small ids are upload indexes; snowflakes keep an attachment already on the message).
      const id = scalarText(a.id);
      if (/^\d{1,2}$/.test(id) && !files.some((f) => f.field === `files[${id}]`)) {
        errors.push({ path: ['attachments', i, 'id'], code: 'ATTACHMENT_NOT_FOUND', message: 'Attachment data not found' });
      }
    });
  }
  if (files.length > 10) errors.push({ path: ['files'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 10 or fewer in length.' });

  if (!options.partial) {
    const hasContent = typeof body.content === 'string' && body.content.length > 0;
    const hasEmbeds = Array.isArray(embeds) && embeds.length > 0;
    if (!hasContent && !hasEmbeds && files.length === 0 && errors.length === 0) {
      errors.push({ path: [], code: 'EMPTY_MESSAGE', message: 'Cannot send an empty message' });
    }
  }
  return errors;
}

function validateEmbed(errors: FieldError[], path: (string | number)[], embed: unknown, files: readonly UploadedFile[]): number {
  if (!isRecord(embed)) {
    errors.push({ path, code: 'MODEL_TYPE_CONVERT', message: 'Only dictionaries may be used in a ModelType' });
    return 0;
  }
  let total = 0;
  total += checkString(errors, [...path, 'title'], embed.title, 256);
  total += checkString(errors, [...path, 'description'], embed.description, 4096);
  if (embed.url !== undefined && embed.url !== null && (typeof embed.url !== 'string' || !/^https?:\/\//.test(embed.url))) {
    errors.push({ path: [...path, 'url'], code: 'URL_TYPE_INVALID_URL', message: 'Not a well formed URL.' });
  }
  if (isRecord(embed.footer)) total += checkString(errors, [...path, 'footer', 'text'], embed.footer.text, 2048, { required: true });
  if (isRecord(embed.author)) total += checkString(errors, [...path, 'author', 'name'], embed.author.name, 256, { required: true });
  if (embed.color !== undefined && (typeof embed.color !== 'number' || embed.color < 0 || embed.color > 0xffffff)) {
    errors.push({ path: [...path, 'color'], code: 'NUMBER_TYPE_MAX', message: 'int value should be less than or equal to 16777215.' });
  }
  if (isRecord(embed.image)) {
    const url = embed.image.url;
    if (typeof url !== 'string') {
      errors.push({ path: [...path, 'image', 'url'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
    } else if (url.startsWith('attachment://')) {
      // Discord silently shows no image for a missing attachment; the fake is stricter so tests catch it.
      const name = url.slice('attachment://'.length);
      if (!files.some((f) => f.filename === name)) {
        errors.push({ path: [...path, 'image', 'url'], code: 'ATTACHMENT_NOT_FOUND', message: `No uploaded file named ${name}` });
      }
    } else if (!/^https?:\/\//.test(url)) {
      errors.push({ path: [...path, 'image', 'url'], code: 'URL_TYPE_INVALID_URL', message: 'Not a well formed URL.' });
    }
  }
  const fields = embed.fields;
  if (fields !== undefined) {
    if (!Array.isArray(fields)) {
      errors.push({ path: [...path, 'fields'], code: 'LIST_TYPE_CONVERT', message: 'Only iterables may be used in a ListType' });
    } else {
      if (fields.length > 25)
        errors.push({ path: [...path, 'fields'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
      fields.forEach((field: unknown, j) => {
        if (!isRecord(field)) {
          errors.push({
            path: [...path, 'fields', j],
            code: 'MODEL_TYPE_CONVERT',
            message: 'Only dictionaries may be used in a ModelType',
          });
          return;
        }
        total += checkString(errors, [...path, 'fields', j, 'name'], field.name, 256, { required: true });
        total += checkString(errors, [...path, 'fields', j, 'value'], field.value, 1024, { required: true });
      });
    }
  }
  return total;
}

/** Autocomplete result (interaction callback type 8). */
export function validateAutocompleteChoices(data: unknown): FieldError[] {
  const errors: FieldError[] = [];
  if (!isRecord(data) || !Array.isArray(data.choices)) {
    return [{ path: ['data', 'choices'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }];
  }
  if (data.choices.length > 25)
    errors.push({ path: ['data', 'choices'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
  data.choices.forEach((c: unknown, i) => {
    if (!isRecord(c)) return;
    checkString(errors, ['data', 'choices', i, 'name'], c.name, 100, { required: true });
    if (typeof c.value === 'string') checkString(errors, ['data', 'choices', i, 'value'], c.value, 100);
    else if (typeof c.value !== 'number')
      errors.push({ path: ['data', 'choices', i, 'value'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
  });
  return errors;
}

const NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** One application command of a bulk overwrite (PUT .../commands). */
export function validateCommand(cmd: unknown, path: (string | number)[]): FieldError[] {
  const errors: FieldError[] = [];
  if (!isRecord(cmd)) return [{ path, code: 'MODEL_TYPE_CONVERT', message: 'Only dictionaries may be used in a ModelType' }];
  checkName(errors, [...path, 'name'], cmd.name);
  checkString(errors, [...path, 'description'], cmd.description, 100, { required: (cmd.type ?? 1) === 1 });
  validateOptions(errors, [...path, 'options'], cmd.options, 0);
  if (
    cmd.default_member_permissions !== undefined &&
    cmd.default_member_permissions !== null &&
    !/^\d+$/.test(scalarText(cmd.default_member_permissions))
  ) {
    errors.push({ path: [...path, 'default_member_permissions'], code: 'NUMBER_TYPE_COERCE', message: 'Value is not int.' });
  }
  return errors;
}

function checkName(errors: FieldError[], path: (string | number)[], name: unknown): void {
  if (typeof name !== 'string' || !NAME.test(name) || name !== name.toLowerCase()) {
    errors.push({ path, code: 'APPLICATION_COMMAND_INVALID_NAME', message: `Command name is invalid` });
  }
}

function validateOptions(errors: FieldError[], path: (string | number)[], options: unknown, depth: number): void {
  if (options === undefined) return;
  if (!Array.isArray(options)) {
    errors.push({ path, code: 'LIST_TYPE_CONVERT', message: 'Only iterables may be used in a ListType' });
    return;
  }
  if (options.length > 25) errors.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
  let seenOptional = false;
  const names = new Set<string>();
  options.forEach((o: unknown, i) => {
    if (!isRecord(o)) return;
    checkName(errors, [...path, i, 'name'], o.name);
    if (names.has(String(o.name)))
      errors.push({
        path: [...path, i, 'name'],
        code: 'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS',
        message: 'Option names must be unique',
      });
    names.add(String(o.name));
    checkString(errors, [...path, i, 'description'], o.description, 100, { required: true });
    const isSub = o.type === 1 || o.type === 2;
    if (isSub) {
      if (depth >= 2 || (o.type === 2 && depth >= 1))
        errors.push({ path: [...path, i], code: 'APPLICATION_COMMAND_OPTIONS_TYPE_INVALID', message: 'Sub-command nested too deep' });
      validateOptions(errors, [...path, i, 'options'], o.options, depth + 1);
    } else {
      if (o.required === true && seenOptional) {
        errors.push({
          path: [...path, i, 'required'],
          code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID',
          message: 'Required options must be placed before non-required options',
        });
      }
      if (o.required !== true) seenOptional = true;
      if (Array.isArray(o.choices)) {
        if (o.choices.length > 25)
          errors.push({ path: [...path, i, 'choices'], code: 'BASE_TYPE_MAX_LENGTH', message: 'Must be 25 or fewer in length.' });
        if (o.autocomplete === true)
          errors.push({
            path: [...path, i, 'autocomplete'],
            code: 'APPLICATION_COMMAND_AUTOCOMPLETE_INVALID',
            message: 'Autocomplete cannot be used with choices',
          });
      }
    }
  });
}

/** What Discord would ping for this message: content mentions filtered by `allowed_mentions` (embeds never ping). */
export function computePings(body: unknown): string[] {
  if (!isRecord(body) || typeof body.content !== 'string') return [];
  const content = body.content;
  const allowed = isRecord(body.allowed_mentions) ? body.allowed_mentions : null;
  // Without allowed_mentions Discord parses every mention in the content.
  const parse = allowed ? (Array.isArray(allowed.parse) ? allowed.parse.map(String) : []) : ['users', 'roles', 'everyone'];
  const users = allowed && Array.isArray(allowed.users) ? allowed.users.map(String) : [];
  const roles = allowed && Array.isArray(allowed.roles) ? allowed.roles.map(String) : [];
  const pings: string[] = [];
  for (const m of content.matchAll(/@(everyone|here)/g)) if (parse.includes('everyone')) pings.push(`@${m[1]}`);
  for (const m of content.matchAll(/<@!?(\d+)>/g)) if (parse.includes('users') || users.includes(m[1]!)) pings.push(`user:${m[1]}`);
  for (const m of content.matchAll(/<@&(\d+)>/g)) if (parse.includes('roles') || roles.includes(m[1]!)) pings.push(`role:${m[1]}`);
  return pings;
}

/** A JSON scalar as Discord reads it; anything else (an object, an array) as '' so it fails the check. */
function scalarText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint' ? String(value) : '';
}
