// An org's administration: users, channels, adapter tokens and the checklist, through the same APIs scripts use.
import {xxgk} from './common.js';

(() => {
  const org = () => xxgk.org();
  const send = xxgk.send;

  const orgApi = resource => `/api/v1/orgs/${encodeURIComponent(org())}/${resource}`;

  /** The API's field names and reasons (English, for scripts) as this page says them. */
  const FIELD_NAMES = {name: '登录名', role: '角色', password: '密码', org: '单位', id: '标识', kind: '类型', label: '用途',
    channels: '渠道', version: '版本', items: '清单', title: '公开事项', department: '责任部门', link: '栏目链接', item: '序号'};
  const REASONS = [
    [/^must be an http or https address$/, '须是以 http:// 或 https:// 开头的网址'],
    [/^must be at most (\d+) characters$/, '不能超过 $1 个字'],
    [/^must not contain control characters$/, '不能含控制字符'],
    [/^is required for a new user$/, '新用户必须设置'],
    [/^must be (\d+) characters or more.*$/, '至少 $1 个字符'],
    [/^must be 1-64 of a-z.*$/, '须为 1–64 位小写字母、数字或 . _ -，以字母或数字开头'],
    [/^must be an item number of the checklist.*$/, '不是清单中的序号'],
    [/^item (\d+) is listed twice$/, '重复（序号 $1）'],
    [/^is required.*$/, '必填'],
  ];

  function fieldName(name, body) {
    const item = /^items\[(\d+)\]\.(\w+)$/.exec(name);
    if (item) {
      const sent = body && body.items ? body.items[Number(item[1])] : null;
      return `序号 ${sent ? sent.item : Number(item[1]) + 1} 的${FIELD_NAMES[item[2]] || item[2]}`;
    }
    return FIELD_NAMES[name] || name;
  }

  function reason(text) {
    const known = REASONS.find(([pattern]) => pattern.test(text));
    return known ? text.replace(known[0], known[1]) : `：${text}`;
  }

  /** Why the API refused, in Chinese, naming each field by its label (and a checklist line by its 序号). */
  function refusal(e, body) {
    if (e.status === 412) {
      return '该登录名已存在；要修改这个用户，请点它所在一行的“修改”';
    }
    if (e.status === 409) {
      return '已被他人修改：请刷新页面后重新修改';
    }
    if (e.status === 403) {
      return '无权进行此操作';
    }
    return e.fields && e.fields.length ? e.fields.map(f => fieldName(f.name, body) + reason(f.reason)).join('；') : e.message;
  }

  function button(text, onClick, label) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    if (label) {
      b.setAttribute('aria-label', label);
    }
    b.addEventListener('click', onClick);
    return b;
  }

  const ROLES = {LEADER: '领导', WRITER: '撰写', ADMIN: '管理员', PROVINCE: '省级'};
  let users = [];

  async function loadUsers() {
    users = (await send('GET', '/api/v1/users')).filter(u => u.org === org());
    const table = document.getElementById('users-table');
    xxgk.table(table, [['登录名', '角色', '状态', '更新时间', '']]
        .concat(users.map(u => [u.name, ROLES[u.role] || u.role, u.enabled ? '启用' : '停用', u.changedAt.substring(0, 19), ''])));
    users.forEach((u, i) => table.tBodies[0].rows[i].cells[4].appendChild(button('修改', () => userMode(u), `修改用户 ${u.name}`)));
  }

  /** The user form creates (a name that exists is refused) or, from a row's 修改, changes that user. */
  function userMode(user) {
    const form = document.getElementById('user-form');
    form.dataset.mode = user ? 'update' : 'create';
    form.elements.name.value = user ? user.name : '';
    form.elements.name.readOnly = Boolean(user);
    form.elements.password.value = '';
    form.elements.password.placeholder = user ? '不改密码请留空' : '新用户必填，至少10位';
    form.elements.enabled.checked = user ? user.enabled : true;
    if (user) {
      form.elements.role.value = user.role;
    }
    document.getElementById('user-form-title').textContent = user ? `修改用户 ${user.name}` : '新建用户';
    document.getElementById('user-save').textContent = user ? '保存修改' : '新建用户';
    document.getElementById('user-new').hidden = !user;
    xxgk.status('', false, document.getElementById('user-status'));
    (user ? form.elements.role : form.elements.name).focus();
  }

  async function loadChannels() {
    const channels = await send('GET', orgApi('channels'));
    xxgk.table(document.getElementById('channels-table'), [['标识', '名称', '类型']].concat(channels.map(c => [c.id, c.name, c.kind])));
    const boxes = document.getElementById('token-channels');
    boxes.replaceChildren(...channels.map(c => {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.name = 'channels';
      box.value = c.id;
      label.append(box, ` ${c.name}`);
      return label;
    }));
  }

  async function loadTokens() {
    const tokens = await send('GET', orgApi('tokens'));
    const table = document.getElementById('tokens-table');
    xxgk.table(table, [['编号', '用途', '渠道', '签发时间', '状态', '']]
        .concat(tokens.map(t => [t.id, t.label, t.channels.join('、'), t.createdAt.substring(0, 19), t.revokedAt ? '已吊销' : '有效', ''])));
    tokens.forEach((t, i) => {
      if (!t.revokedAt) {
        table.tBodies[0].rows[i].cells[5].appendChild(button('吊销', () => {
          if (!window.confirm(`吊销令牌 ${t.id}（${t.label || '未注明用途'}）？吊销后，使用它的接入程序将不能再写入。`)) {
            return;
          }
          act(async () => {
            await send('DELETE', orgApi(`tokens/${encodeURIComponent(t.id)}`));
            hideSecret();
            await loadTokens();
          }, `令牌 ${t.id} 已吊销`, 'token-status');
        }, `吊销令牌 ${t.id}`));
      }
    });
  }

  let checklistVersion = 0;

  async function loadChecklist() {
    const edition = await send('GET', orgApi('checklist'));
    checklistVersion = edition.version;
    document.getElementById('checklist-version').textContent = `（${edition.catalog}，本单位第 ${edition.version} 版）`;
    const table = document.getElementById('checklist-table');
    xxgk.table(table, [['序号', '类别', '公开事项', '责任部门', '栏目链接', '不适用']]
        .concat(edition.entries.map(e => [e.item, e.category, '', '', '', ''])));
    edition.entries.forEach((e, i) => {
      const cells = table.tBodies[0].rows[i].cells;
      [['title', e.title], ['department', e.department], ['link', e.link]].forEach(([field, value], j) => {
        const input = document.createElement('input');
        input.name = `${field}-${e.item}`;
        input.value = value || '';
        input.dataset.item = e.item;
        input.dataset.field = field;
        input.dataset.catalog = field === 'title' ? (e.catalogTitle || '') : '';
        input.setAttribute('aria-label', `序号 ${e.item} ${{title: '公开事项', department: '责任部门', link: '栏目链接'}[field]}`);
        cells[2 + j].appendChild(input);
      });
      // an item that does not apply to the org (研究生 items at a vocational college) is neither 已公开 nor 未公开
      const notApplicable = document.createElement('input');
      notApplicable.type = 'checkbox';
      notApplicable.name = `not-applicable-${e.item}`;
      notApplicable.checked = e.applicable === false;
      notApplicable.dataset.item = e.item;
      notApplicable.dataset.field = 'applicable';
      notApplicable.setAttribute('aria-label', `序号 ${e.item} 不适用`);
      cells[5].appendChild(notApplicable);
    });
  }

  /** Only what the org changed: the catalog's own wording is not copied into the org's edition. */
  function checklistEdit() {
    const items = {};
    document.querySelectorAll('#checklist-table input').forEach(input => {
      const item = items[input.dataset.item] = items[input.dataset.item] || {item: Number(input.dataset.item)};
      if (input.type === 'checkbox') {
        item.applicable = input.checked ? false : null;
        return;
      }
      const value = input.value.trim();
      item[input.dataset.field] = value && value !== input.dataset.catalog ? value : null;
    });
    return {version: checklistVersion, items: Object.values(items).filter(i => i.title || i.department || i.link || i.applicable === false)};
  }

  async function loadChanges() {
    const changes = await send('GET', orgApi('changes'));
    xxgk.table(document.getElementById('changes-table'), [['时间', '操作人', '变更'],
      ...changes.map(c => [new Date(c.at).toLocaleString('zh-CN'), c.actor, c.summary])]);
  }

  /** Runs a change; its outcome is said next to the control that made it (statusId), in Chinese. */
  async function act(action, done, statusId, body) {
    const where = statusId ? document.getElementById(statusId) : undefined;
    try {
      await action();
      xxgk.status(done, false, where);
      if (where && done) {
        where.classList.add('ok');
      }
    } catch (e) {
      where?.classList.remove('ok');
      xxgk.status(`未保存：${refusal(e, body)}`, true, where);
    }
  }

  function hideSecret() {
    const shown = document.getElementById('token-issued');
    shown.querySelector('code').textContent = '';
    shown.hidden = true;
  }

  function onSubmit(id, handler) {
    document.getElementById(id).addEventListener('submit', event => {
      event.preventDefault();
      handler(new FormData(event.target));
    });
  }

  if (document.getElementById('users-table')) {
    xxgk.followSwitcher();
    onSubmit('user-form', form => {
      const creating = document.getElementById('user-form').dataset.mode === 'create';
      const name = form.get('name').trim();
      const body = {org: org(), role: form.get('role'), password: form.get('password') || null, enabled: form.get('enabled') === 'on'};
      if (creating && users.some(u => u.name === name)) {
        xxgk.status(`未保存：登录名 ${name} 已存在；要修改这个用户，请点它所在一行的“修改”`, true, document.getElementById('user-status'));
        return;
      }
      act(async () => {
        // creating only creates: a name taken meanwhile (or in another org) is refused, not overwritten
        await send('PUT', `/api/v1/users/${encodeURIComponent(name)}`, body, undefined, creating ? {'If-None-Match': '*'} : {});
        await Promise.all([loadUsers(), loadChanges()]);
        userMode(null);
      }, `用户 ${name} 已${creating ? '新建' : '保存'}`, 'user-status', body);
    });
    document.getElementById('user-new').addEventListener('click', () => userMode(null));
    onSubmit('channel-form', form => act(async () => {
      await send('PUT', orgApi(`channels/${encodeURIComponent(form.get('id'))}`), {name: form.get('name'), kind: form.get('kind')});
      await Promise.all([loadChannels(), loadChanges()]);
    }, `渠道 ${form.get('id')} 已保存`, 'channel-status'));
    onSubmit('token-form', form => act(async () => {
      const issued = await send('POST', orgApi('tokens'), {label: form.get('label'), channels: form.getAll('channels')});
      const shown = document.getElementById('token-issued');
      shown.querySelector('code').textContent = issued.token;
      shown.hidden = false;
      await Promise.all([loadTokens(), loadChanges()]);
    }, '令牌已签发', 'token-status'));
    document.getElementById('token-hide').addEventListener('click', hideSecret);
    onSubmit('checklist-form', () => {
      const edit = checklistEdit();
      act(async () => {
        await send('PUT', orgApi('checklist'), edit);
        await Promise.all([loadChecklist(), loadChanges()]);
      }, '清单已保存', 'checklist-status', edit);
    });
    act(() => Promise.all([loadUsers(), loadChannels(), loadTokens(), loadChecklist(), loadChanges()]), '').then(() => {
      document.body.dataset.ready = 'true';
    });
  }
})();
