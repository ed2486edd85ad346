import { Navigate } from 'react-router';
import { canAccess, type Face } from '../access.ts';
import { useAuth } from '../auth/auth.tsx';
import { ForbiddenPage } from '../components/RequireAccess.tsx';
import { menuRoutes } from '../routes.tsx';

/** `/staff` and `/enterprise`: open the first menu entry this user may see. */
export function FaceIndex({ face }: { face: Exclude<Face, 'public'> }) {
  const { roles } = useAuth();
  const first = menuRoutes(face, (access) => canAccess(roles, access))[0];
  return first ? <Navigate to={first.path} replace /> : <ForbiddenPage />;
}
