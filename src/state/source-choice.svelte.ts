import { CodedError } from '../lib/i18n/coded-error';
import type { AccelerationUnits } from '../lib/sensors/forwarder';
import { PhoneMotionSource } from '../lib/sensors/phone';
import type { MotionSource } from '../lib/sensors/source';
import { DEFAULT_BAUD_RATE } from '../lib/sensors/serial-defaults';
import { dataset } from './dataset.svelte';

export type SourceKindChoice = 'phone' | 'bluetooth' | 'serial' | 'replay';

/** Which source the user picked and its settings; the Record and Live pages each keep one. */
export class SourceChoice {
  kind = $state<SourceKindChoice>('phone');
  replayId = $state('');
  baudRate = $state(DEFAULT_BAUD_RATE);
  /** Serial acceleration units; undefined: guessed from the readings at rest. */
  serialUnits = $state<AccelerationUnits | undefined>();

  /** Makes the chosen source; call from the user's tap (permissions and device choosers need it). */
  async create(options: { loopReplay?: boolean } = {}): Promise<MotionSource> {
    switch (this.kind) {
      case 'phone':
        await PhoneMotionSource.requestPermission();
        return new PhoneMotionSource();
      case 'replay': {
        const store = await dataset.store();
        const recording = await store.get(this.replayId);
        if (!recording) throw new CodedError('error.replay.none-chosen');
        const [{ ReplaySource }, samples] = await Promise.all([import('../lib/sensors/replay'), store.readSamples(recording.id)]);
        return new ReplaySource(samples, { name: recording.name, loop: options.loopReplay ?? false });
      }
      // Board sources load on first use, as replay does: most users record with the phone.
      case 'bluetooth': {
        const { WebBluetoothSource } = await import('../lib/sensors/web-bluetooth');
        return WebBluetoothSource.request();
      }
      case 'serial': {
        const { WebSerialSource } = await import('../lib/sensors/web-serial');
        return WebSerialSource.request({ baudRate: this.baudRate, ...(this.serialUnits && { units: this.serialUnits }) });
      }
    }
  }
}
