import { Navigate } from 'react-router';
import { canAccess, type Face } from '../access.ts';
import { useAuth } from '../auth/auth.tsx';
import { ForbiddenPage } from '../components/RequireAccess.tsx';
import { menuRoutes } from '../routes.tsx';

const FACE_HOME: Record<Exclude<Face, 'public'>, string> = { staff: '/staff/home', enterprise: '/enterprise/my' };

/** `/staff` and `/enterprise`: open the face's home (the staff workbench) or its first menu entry. */
export function FaceIndex({ face }: { face: Exclude<Face, 'public'> }) {
  const { roles } = useAuth();
  const entries = menuRoutes(face, (access) => canAccess(roles, access));
  const first = entries.find((r) => r.path === FACE_HOME[face]) ?? entries[0];
  return first ? <Navigate to={first.path} replace /> : <ForbiddenPage />;
}
