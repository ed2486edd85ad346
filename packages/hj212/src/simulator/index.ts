/** Node-only entry point: the device fleet simulator and a reference test server. */
export {
  type DeviceState,
  type Medium,
  makeDevice,
  makeRng,
  makeUpload,
  type UploadCn,
  type UploadOptions,
} from './profiles.ts';
export { startTestServer, type TestServer, type TestServerOptions, type TestServerStats } from './server.ts';
export { FAULTS, type Fault, type SimulateOptions, type SimulationReport, simulate } from './simulate.ts';
