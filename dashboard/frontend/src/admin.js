// An org's administration: users, channels, adapter tokens and the checklist, through the same APIs scripts use.
import {xxgk} from './common.js';

(() => {
  const org = () => xxgk.org();
  const send = xxgk.send;

  const orgApi = resource => `/api/v1/orgs/${encodeURIComponent(org())}/${resource}`;

  function button(text, onClick) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = text;
    b.addEventListener('click', onClick);
    return b;
  }

  async function loadUsers() {
    const users = (await send('GET', '/api/v1/users')).filter(u => u.org === org());
    xxgk.table(document.getElementById('users-table'), [['登录名', '角色', '状态', '更新时间']]
        .concat(users.map(u => [u.name, u.role, u.enabled ? '启用' : '停用', u.changedAt.substring(0, 19)])));
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
        table.tBodies[0].rows[i].cells[5].appendChild(button('吊销', () => act(async () => {
          await send('DELETE', orgApi(`tokens/${encodeURIComponent(t.id)}`));
          await loadTokens();
        }, `令牌 ${t.id} 已吊销`)));
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
        cells[2 + j].appendChild(input);
      });
      // an item that does not apply to the org (研究生 items at a vocational college) is neither 已公开 nor 未公开
      const notApplicable = document.createElement('input');
      notApplicable.type = 'checkbox';
      notApplicable.name = `not-applicable-${e.item}`;
      notApplicable.checked = e.applicable === false;
      notApplicable.dataset.item = e.item;
      notApplicable.dataset.field = 'applicable';
      notApplicable.setAttribute('aria-label', `第${e.item}项不适用`);
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

  async function act(action, done) {
    try {
      await action();
      xxgk.status(done);
    } catch (e) {
      xxgk.status(`未保存：${e.message}`, true);
    }
  }

  function onSubmit(id, handler) {
    document.getElementById(id).addEventListener('submit', event => {
      event.preventDefault();
      handler(new FormData(event.target));
    });
  }

  if (document.getElementById('users-table')) {
    xxgk.followSwitcher();
    onSubmit('user-form', form => act(async () => {
      await send('PUT', `/api/v1/users/${encodeURIComponent(form.get('name'))}`, {
        org: org(), role: form.get('role'), password: form.get('password') || null, enabled: form.get('enabled') === 'on',
      });
      await Promise.all([loadUsers(), loadChanges()]);
    }, `用户 ${form.get('name')} 已保存`));
    onSubmit('channel-form', form => act(async () => {
      await send('PUT', orgApi(`channels/${encodeURIComponent(form.get('id'))}`), {name: form.get('name'), kind: form.get('kind')});
      await Promise.all([loadChannels(), loadChanges()]);
    }, `渠道 ${form.get('id')} 已保存`));
    onSubmit('token-form', form => act(async () => {
      const issued = await send('POST', orgApi('tokens'), {label: form.get('label'), channels: form.getAll('channels')});
      const shown = document.getElementById('token-issued');
      shown.querySelector('code').textContent = issued.token;
      shown.hidden = false;
      await Promise.all([loadTokens(), loadChanges()]);
    }, '令牌已签发'));
    onSubmit('checklist-form', () => act(async () => {
      await send('PUT', orgApi('checklist'), checklistEdit());
      await Promise.all([loadChecklist(), loadChanges()]);
    }, '清单已保存'));
    act(() => Promise.all([loadUsers(), loadChannels(), loadTokens(), loadChecklist(), loadChanges()]), '').then(() => {
      document.body.dataset.ready = 'true';
    });
  }
})();
