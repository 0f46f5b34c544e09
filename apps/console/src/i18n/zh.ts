/**
 * The console's own messages in Simplified Chinese, the primary language. `en.ts` must have the same keys
 * (its type is derived from this object); react-admin's own `ra.*` messages come from the language packs.
 */
export const zhMessages = {
  fleet: {
    title: '警务通终端管理',
    dashboard: {
      title: '首页',
      welcome: '欢迎，%{name}',
      intro: '请从左侧菜单选择要管理的内容。',
    },
    auth: {
      locked: '账户已被锁定，请稍后再试或联系系统管理员',
      unreachable: '无法连接服务器，请检查网络后重试',
    },
    officer_status: {
      active: '在职',
      transferred: '已调离',
      retired: '已退休',
    },
    roles: {
      admin: '系统管理员',
      repair_intake: '维修受理员',
      officer: '民警',
      auditor: '审计员',
    },
    audit_actions: {
      create: '新增',
      update: '修改',
      delete: '删除',
      login: '登录',
      login_failed: '登录失败',
    },
    json: {
      empty: '（无）',
    },
  },
  resources: {
    units: {
      name: '单位',
      fields: {
        id: '编号',
        name: '单位名称',
        parentId: '上级单位',
        q: '搜索单位名称',
      },
      sections: {
        children: '下级单位',
        officers: '本单位民警',
      },
    },
    officers: {
      name: '民警',
      fields: {
        id: '编号',
        badgeNo: '警号',
        name: '姓名',
        unitId: '所属单位',
        mobile: '手机号码',
        status: '状态',
        q: '搜索警号或姓名',
      },
    },
    users: {
      name: '用户',
      fields: {
        id: '编号',
        username: '用户名',
        role: '角色',
        officerId: '对应民警',
        disabled: '已停用',
        password: '初始密码',
        q: '搜索用户名',
      },
    },
    'audit-log': {
      name: '审计日志',
      fields: {
        id: '编号',
        at: '时间',
        userId: '操作人编号',
        username: '操作人',
        action: '操作',
        resource: '资源',
        resourceId: '记录编号',
        before: '修改前',
        after: '修改后',
        q: '搜索',
        at_gte: '起始时间',
        at_lte: '截止时间',
      },
    },
  },
};

export type AppMessages = typeof zhMessages;

/**
 * react-admin 5 messages the Chinese pack (written for react-admin 4) lacks or words for v4's
 * placeholders: titles name the record (`recordRepresentation`) instead of `#id`, and the pages and
 * notices an officer is most likely to meet are in Chinese. Anything else missing falls back to English.
 */
export const zhReactAdminMessages = {
  ra: {
    action: {
      reset: '重置',
      select_all_button: '全选',
    },
    page: {
      show: '%{name} %{recordRepresentation}',
      edit: '编辑%{name} %{recordRepresentation}',
      access_denied: '无权访问',
      authentication_error: '身份验证错误',
    },
    message: {
      delete_title: '删除%{name} %{recordRepresentation}',
      access_denied: '您没有访问此页面的权限',
      authentication_error: '身份验证服务器返回错误，无法核对您的登录信息。',
      placeholder_data_warning: '网络问题：数据刷新失败。',
    },
    navigation: {
      no_results: '没有找到%{name}',
      no_filtered_results: '当前筛选条件下没有找到%{name}。',
      clear_filters: '清除筛选条件',
    },
    notification: {
      offline: '网络未连接，无法获取数据。',
    },
  },
};
