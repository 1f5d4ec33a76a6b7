export { AUTH_CONFIGS } from './auth.configs';
export { AuthEvents, type AuthFailureEvent } from './auth-events';
export { AuthGuard } from './auth.guard';
export { AuthModule } from './auth.module';
