export { authConfig } from './auth.config';
export { AuthEvents, type AuthFailureEvent } from './auth-events';
export { AuthGuard } from './auth.guard';
export { AuthModule } from './auth.module';
