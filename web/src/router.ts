import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { address, bureauHome } from './address'
import { session } from './api/session'
import { candidateHome } from './bureau'

// A bureau's pages (BUR-1), under its prefix: /sd/login is '/login' here. Pages behind login carry meta.auth; the
// gateway serves index.html for every path below (history mode).
const bureauRoutes: RouteRecordRaw[] = [
  // a logged-in candidate starts where their bureau's candidates do: 报名信息 (open registration) or the wizard
  // before login, the entry page (seed 000 §1.1: 全省统一考试专升本 or 退役大学生士兵免试专升本), which sends a bureau
  // without those tracks (open registration) on to the login page; a guard, not a redirect: it waits for the tab's
  // first session check (below)
  { path: '/', component: { render: () => null },
    beforeEnter: async () => {
      await session.ready()
      return session.state.loggedIn ? candidateHome() : '/entry'
    } },
  { path: '/entry', component: () => import('./views/entry/EntryView.vue'), meta: { title: '请选择报名入口' } },
  { path: '/login', component: () => import('./views/account/LoginView.vue'), meta: { title: '考生登录' } },
  { path: '/candidate-notice', component: () => import('./views/BureauTextView.vue'),
    props: { kind: 'candidate-notice' }, meta: { title: '考生须知' } },
  // the texts Shandong's login page links to (seed 000 §1.2), where the bureau publishes them
  { path: '/city-contacts', component: () => import('./views/BureauTextView.vue'),
    props: { kind: 'city-contacts' }, meta: { title: '各市招生考试机构联系方式' } },
  { path: '/poverty-relief-plan', component: () => import('./views/BureauTextView.vue'),
    props: { kind: 'poverty-relief-plan' }, meta: { title: '建档立卡家庭考生专升本计划' } },
  { path: '/user-manual', component: () => import('./views/BureauTextView.vue'),
    props: { kind: 'user-manual' }, meta: { title: '操作手册' } },
  // 新考生注册 at a bureau whose gate is OPEN (register-sh/, SST-1), else the roster's 考生注册
  { path: '/register', component: () => import('./views/register-sh/RegisterEntry.vue'),
    meta: { title: '考生注册', openGateTitle: '新考生注册' } },
  { path: '/register/photo', component: () => import('./views/register-sh/PhotoUploadView.vue'),
    meta: { title: '新考生注册 · 上传照片', auth: true } },
  { path: '/register/result', component: () => import('./views/register-sh/ApprovalResultView.vue'),
    meta: { title: '新考生注册 · 审核结果', auth: true } },
  { path: '/photo-example', component: () => import('./views/register-sh/PhotoExampleView.vue'),
    meta: { title: '规范照片示例' } },
  { path: '/forgot-password', component: () => import('./views/account/ForgotPasswordView.vue'),
    meta: { title: '忘记密码' } },
  { path: '/change-password', component: () => import('./views/account/ChangePasswordView.vue'),
    meta: { title: '修改密码', auth: true } },
  // API-3 数据授权: the candidate's consent to partner bureaus reading their admission data (views/consent/)
  { path: '/consents', component: () => import('./views/consent/ConsentsView.vue'),
    meta: { title: '数据授权', auth: true } },
  { path: '/first-login', component: () => import('./views/account/FirstLoginView.vue'),
    meta: { title: '首次登录', auth: true } },
  { path: '/wizard/:step?', component: () => import('./views/wizard/WizardView.vue'),
    meta: { title: '网上报名', auth: true } },
  { path: '/home', component: () => import('./views/home/HomeView.vue'), meta: { title: '报名信息', auth: true } },
  // Shanghai 自考 course registration (issue 19, views/courses/): 问卷调查, 课程报考, 课程费用支付
  { path: '/questionnaire', component: () => import('./views/courses/QuestionnaireView.vue'),
    meta: { title: '问卷调查', auth: true } },
  { path: '/courses', component: () => import('./views/courses/CoursesView.vue'),
    meta: { title: '课程报考', auth: true } },
  { path: '/course-orders/:id', component: () => import('./views/courses/CourseOrderView.vue'),
    meta: { title: '课程费用支付', auth: true } },
  { path: '/review', component: () => import('./views/review/ReviewView.vue'),
    meta: { title: '人工审核', auth: true } },
  { path: '/capture/:token', component: () => import('./views/capture/CaptureView.vue'),
    meta: { title: '手机拍照采集' } },
  { path: '/change-phone', component: () => import('./views/existing/ChangePhoneView.vue'),
    meta: { title: '修改注册手机号' } },
  { path: '/:rest(.*)*', component: () => import('./views/NotFoundView.vue'), meta: { title: '页面不存在' } },
]

// The root: the choice of bureau, and nothing else.
const rootRoutes: RouteRecordRaw[] = [
  { path: '/', component: () => import('./views/BureauChoiceView.vue'), meta: { title: '请选择报考的考试院' } },
  { path: '/:rest(.*)*', component: () => import('./views/NotFoundView.vue'), meta: { title: '页面不存在' } },
]

export const router = createRouter({
  history: createWebHistory(address.bureau ? bureauHome(address.bureau) : '/'),
  routes: address.bureau ? bureauRoutes : rootRoutes,
})

router.beforeEach(async (to) => {
  if (to.meta.auth) {
    // a new tab, a reload, the bank's return: logged in if the browser's session cookie says so (api/session.ts)
    await session.ready()
  }
  if (to.meta.auth && !session.state.loggedIn) {
    return { path: '/login', query: { next: to.fullPath } }
  }
  if (to.meta.auth && session.state.firstLoginPending && to.path !== '/first-login') {
    return { path: '/first-login', query: { next: to.fullPath } }
  }
  return true
})
