// The console's pages under /console/ (history mode; the gateway answers console.html for every address there).
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { hasAnyRole } from './auth'
import { deskOf } from './desks'

const routes: RouteRecordRaw[] = [
  { path: '/', component: () => import('./today/TodayView.vue') },
  { path: '/exams', component: () => import('./exams/ExamsView.vue') },
  { path: '/exams/:code', component: () => import('./exams/ExamEditView.vue'), props: true },
  { path: '/imports', component: () => import('./imports/ImportsView.vue') },
  { path: '/reviews/photos', component: () => import('./reviews/PhotoReviewsView.vue') },
  { path: '/reviews/phone-changes', component: () => import('./reviews/PhoneChangesView.vue') },
  { path: '/reviews/practical', component: () => import('./reviews/PracticalReviewsView.vue') },
  { path: '/candidates', component: () => import('./candidates/CandidatesView.vue') },
  { path: '/candidates/:id', component: () => import('./candidates/CandidateView.vue'), props: true },
  { path: '/enrollments', component: () => import('./enrollments/EnrollmentsView.vue') },
  { path: '/exports', component: () => import('./exports/ExportsView.vue') },
  { path: '/orders', component: () => import('./orders/OrdersView.vue') },
  { path: '/orders/:id', component: () => import('./orders/OrderView.vue'), props: true },
  { path: '/reconciliation', component: () => import('./reconciliation/ReconciliationView.vue') },
  { path: '/messages/templates', component: () => import('./messages/TemplatesView.vue') },
  { path: '/messages/dead-letters', component: () => import('./messages/DeadLettersView.vue') },
  { path: '/webhooks', component: () => import('./webhooks/WebhookDeliveriesView.vue') },
  { path: '/audit', component: () => import('./audit/AuditView.vue') },
  { path: '/api-docs', component: () => import('./apidocs/ApiDocsView.vue') },
  { path: '/not-yours', component: () => import('./NotYoursView.vue') },
  { path: '/:rest(.*)*', component: () => import('./NotFoundView.vue') },
]

export const router = createRouter({ history: createWebHistory('/console/'), routes })

// a desk that is not the operator's says so (the API would refuse it anyway)
router.beforeEach((to) => {
  const desk = deskOf(to.path)
  if (desk && !hasAnyRole(...desk.roles)) return { path: '/not-yours', query: { from: to.fullPath } }
  return true
})
