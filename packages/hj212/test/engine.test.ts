import { describe, expect, it } from 'vitest';
import { PacketAssembler } from '../src/assembler.ts';
import { requestHistory, setRtdInterval, stopRealtime } from '../src/builders.ts';
import { decodeFrame } from '../src/decode.ts';
import { encodeFrame, type FrameInput, frameSegment } from '../src/encode.ts';
import { ProtocolEngine, replyFor } from '../src/engine.ts';
import { codes, text } from './helpers.ts';

const MN = '010000A8900016F000169DC0';
const DEV = { ST: '32', PW: '123456', MN };

function frameOf(input: FrameInput, lenient = false) {
  return decodeFrame(encodeFrame(input), { lenient });
}

function upload(qn: string, flag: number, extra: Partial<FrameInput['header']> = {}, dataTime = '20160801085000') {
  return frameOf({
    header: { QN: qn, ST: '32', CN: '2051', PW: '123456', MN, Flag: flag, ...extra },
    cp: { DataTime: dataTime, w01018: { Avg: 12.5, Flag: 'N' } },
  });
}

describe('ack table (replyFor)', () => {
  it('answers an upload with A=1 by 9014: same QN, ST=91, Flag=4, CP=&&&&', () => {
    const r = replyFor(upload('20160801085000001', 5));
    expect(text(encodeFrame(r!))).toBe(
      '##0087QN=20160801085000001;ST=91;CN=9014;PW=123456;MN=010000A8900016F000169DC0;Flag=4;CP=&&&&C241\r\n',
    );
  });

  it('does not answer an upload with A=0, a reply, or a frame that failed to decode', () => {
    expect(replyFor(upload('20160801085000001', 4))).toBeNull();
    for (const cn of ['9011', '9012', '9013', '9014']) {
      expect(
        replyFor(frameOf({ header: { QN: '20160801085000001', ST: '91', CN: cn, PW: '1', MN, Flag: 5 }, cp: {} })),
      ).toBeNull();
    }
    const bad = encodeFrame({
      header: { QN: '20160801085000001', ST: '32', CN: '2011', PW: '1', MN, Flag: 5 },
      cp: {},
    });
    bad[bad.length - 3] = bad[bad.length - 3]! ^ 1;
    expect(replyFor(decodeFrame(bad))).toBeNull();
  });

  it('answers the 1013 time-calibration notification with 9013', () => {
    const r = replyFor(
      frameOf({
        header: { QN: '20160801085000001', ST: '32', CN: '1013', PW: '123456', MN, Flag: 4 },
        cp: { PolId: 'w01018' },
      }),
    );
    expect(r?.header.CN).toBe('9013');
    expect(r?.header.QN).toBe('20160801085000001');
  });

  it('answers heartbeats only when they ask for it', () => {
    const hb = (flag: number) =>
      frameOf({
        header: { QN: '20190415224851543', ST: '91', CN: '9021', PW: '123456', MN, Flag: flag },
        cp: { Data: '0BBE' },
      });
    expect(replyFor(hb(5))?.header.CN).toBe('9014');
    expect(replyFor(hb(4))).toBeNull();
  });

  it('does not answer a 2017 frame without QN (nothing to echo), but answers 2005 ones in their dialect', () => {
    const lost = decodeFrame(frameSegment(`ST=32;CN=2011;PW=1;MN=${MN};Flag=5;CP=&&w01018-Rtd=1&&`), { lenient: true });
    expect([lost.ok, lost.edition]).toEqual([true, '2017']);
    expect(replyFor(lost)).toBeNull();
    const noQn = decodeFrame(
      encodeFrame({ header: { ST: '32', CN: '2011', PW: '1', MN, Flag: 1 }, cp: {}, edition: '2005' }),
    );
    expect(noQn.edition).toBe('2005');
    const r = replyFor(noQn);
    expect(r?.edition).toBe('2005');
    expect(text(encodeFrame(r!))).toContain('ST=91;CN=9014;PW=1;MN=010000A8900016F000169DC0;Flag=0;CP=&&&&');
  });
});

describe('ProtocolEngine', () => {
  it('answers a retransmit again but flags it as a duplicate', () => {
    const e = new ProtocolEngine();
    const f = upload('20160801085000001', 5);
    const first = e.receive(f);
    const again = e.receive(upload('20160801085000001', 5));
    expect(first.duplicate).toBe(false);
    expect(first.message?.cp.w01018).toEqual({ Avg: '12.5', Flag: 'N' });
    expect(again.duplicate).toBe(true);
    expect(again.message).toBeUndefined();
    expect(text(again.replies[0]!)).toBe(text(first.replies[0]!));
  });

  it('keeps its retransmit memory bounded', () => {
    const e = new ProtocolEngine({ dedupSize: 3 });
    for (let i = 0; i < 5; i++) e.receive(upload(`2016080108500000${i}`, 5));
    expect(e.receive(upload('20160801085000000', 5)).duplicate).toBe(false); // forgotten
    expect(e.receive(upload('20160801085000004', 5)).duplicate).toBe(true);
  });

  it('acknowledges each part of a split upload (own QN each) and reassembles them (表 C.50)', () => {
    const e = new ProtocolEngine();
    const part = (qn: string, pno: number, cp: FrameInput['cp']) =>
      frameOf({ header: { QN: qn, ST: '32', CN: '2051', PW: '123456', MN, Flag: 7, PNUM: 2, PNO: pno }, cp });
    const r2 = e.receive(part('20160801085857535', 2, { DataTime: '20160801085000', w21003: { Avg: 1.5, Flag: 'N' } }));
    expect(r2.replies).toHaveLength(1);
    expect(r2.message).toBeUndefined();
    const r1 = e.receive(
      part('20160801085857534', 1, { DataTime: '20160801085000', w01018: { Avg: 20.3, Flag: 'N' } }),
    );
    expect(text(r1.replies[0]!)).toContain('QN=20160801085857534;ST=91;CN=9014');
    expect(r1.message?.cp).toEqual({
      DataTime: '20160801085000',
      w01018: { Avg: '20.3', Flag: 'N' },
      w21003: { Avg: '1.5', Flag: 'N' },
    });
    expect(r1.message?.header.PNUM).toBeUndefined();
    expect(r1.message?.parts.map((p) => p.header.PNO)).toEqual(['1', '2']);
  });

  it('tracks a command: request → 9011 → 9012', () => {
    let now = 1_000_000;
    const e = new ProtocolEngine({ now: () => now });
    const { bytes, qn } = e.send(setRtdInterval(DEV, 60, { qn: '20160801085857223' }));
    expect(text(bytes)).toContain('CN=1062;PW=123456;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=60&&');
    expect(e.pending().map((c) => c.state)).toEqual(['sent']);
    now += 1000;
    const acc = e.receive(
      frameOf({ header: { QN: qn, ST: '91', CN: '9011', PW: '123456', MN, Flag: 4 }, cp: { QnRtn: 1 } }),
    );
    expect(acc.command?.type).toBe('accepted');
    expect(acc.replies).toEqual([]);
    const done = e.receive(
      frameOf({ header: { QN: qn, ST: '91', CN: '9012', PW: '123456', MN, Flag: 4 }, cp: { ExeRtn: 1 } }),
    );
    expect(done.command?.type).toBe('done');
    expect(done.command?.command.exeRtn).toBe('1');
    expect(e.pending()).toEqual([]);
  });

  it('collects the data frames of a history request (same QN, different DataTime), none a duplicate', () => {
    const e = new ProtocolEngine();
    const { qn } = e.send(requestHistory(DEV, '2051', '20160801080000', '20160801083000', { qn: '20160801085857223' }));
    e.receive(frameOf({ header: { QN: qn, ST: '91', CN: '9011', PW: '123456', MN, Flag: 4 }, cp: { QnRtn: 1 } }));
    for (const t of ['20160801080000', '20160801081000', '20160801082000']) {
      const r = e.receive(upload(qn, 4, {}, t));
      expect(r.duplicate).toBe(false);
      expect(r.command?.type).toBe('data');
      expect(r.message?.cp.DataTime).toBe(t);
    }
    const done = e.receive(
      frameOf({ header: { QN: qn, ST: '91', CN: '9012', PW: '123456', MN, Flag: 4 }, cp: { ExeRtn: 1 } }),
    );
    expect(done.command?.command.data).toHaveLength(3);
  });

  it('retransmits an unanswered request per 表 1 and then gives up', () => {
    let now = 0;
    const e = new ProtocolEngine({ now: () => now, timeoutMs: 10_000, retries: 3 });
    const { bytes } = e.send(setRtdInterval(DEV, 30, { qn: '20160801085857223' }));
    expect(e.nextDeadline()).toBe(10_000);
    now = 9_999;
    expect(e.poll().resend).toEqual([]);
    for (let k = 1; k <= 3; k++) {
      now = k * 10_000;
      const p = e.poll();
      expect(p.resend.map(text)).toEqual([text(bytes)]);
      expect(p.events[0]?.type).toBe('retry');
    }
    now = 40_000;
    const last = e.poll();
    expect(last.resend).toEqual([]);
    expect(last.events.map((x) => [x.type, x.command.attempts])).toEqual([['timeout', 4]]);
    expect(e.pending()).toEqual([]);
  });

  it('does not resend an accepted command whose 9012 never comes', () => {
    let now = 0;
    const e = new ProtocolEngine({ now: () => now });
    const { qn } = e.send(setRtdInterval(DEV, 30, { qn: '20160801085857223' }));
    e.receive(frameOf({ header: { QN: qn, ST: '91', CN: '9011', PW: '123456', MN, Flag: 4 }, cp: { QnRtn: 1 } }));
    now = 10_000;
    const p = e.poll();
    expect(p.resend).toEqual([]);
    expect(p.events[0]?.type).toBe('timeout');
  });

  it('ends a rejected command (QnRtn ≠ 1, 表 7) and a notification on its 9013', () => {
    const e = new ProtocolEngine();
    const a = e.send(setRtdInterval(DEV, 30, { qn: '20160801085857223' }));
    const r = e.receive(
      frameOf({ header: { QN: a.qn, ST: '91', CN: '9011', PW: '123456', MN, Flag: 4 }, cp: { QnRtn: 3 } }),
    );
    expect([r.command?.type, r.command?.command.qnRtn]).toEqual(['rejected', '3']);
    const b = e.send(stopRealtime(DEV, '2012', { qn: '20160801085857224' }));
    expect(
      e.receive(frameOf({ header: { QN: b.qn, ST: '91', CN: '9013', PW: '123456', MN, Flag: 4 }, cp: {} })).command
        ?.type,
    ).toBe('done');
  });

  it('matches 2005 replies by the QN inside CP', () => {
    const e = new ProtocolEngine();
    const { qn } = e.send(setRtdInterval(DEV, 30, { qn: '20040516010101001' }));
    const reply = decodeFrame(
      encodeFrame({
        header: { ST: '91', CN: '9011', PW: '123456', MN, Flag: 0 },
        cp: { QN: qn, QnRtn: 1 },
        edition: '2005',
      }),
    );
    expect(e.receive(reply).command?.type).toBe('accepted');
  });
});

describe('PacketAssembler', () => {
  const part = (pno: number, pnum = 3, dataTime = '20160801085000', mn = MN) =>
    frameOf({
      header: {
        QN: `2016080108585753${pno}`,
        ST: '32',
        CN: '2051',
        PW: '123456',
        MN: mn,
        Flag: 6,
        PNUM: pnum,
        PNO: pno,
      },
      cp: { DataTime: dataTime, [`w0${pno}000`]: { Avg: pno } },
    });

  it('completes out of order and ignores a repeated part', () => {
    const a = new PacketAssembler();
    expect(a.add(part(3)).status).toBe('partial');
    expect(a.add(part(3)).status).toBe('duplicate');
    expect(a.add(part(1)).status).toBe('partial');
    const done = a.add(part(2));
    expect(done.status).toBe('complete');
    if (done.status === 'complete') {
      expect(Object.keys(done.message.cp)).toEqual(['DataTime', 'w01000', 'w02000', 'w03000']);
      expect(done.message.fields.map((f) => f.item)).toEqual([0, 1, 2, 3, 4, 5]);
    }
    expect(a.open).toBe(0);
  });

  it('keeps messages of different DataTime or MN apart', () => {
    const a = new PacketAssembler();
    a.add(part(1, 2, '20160801085000'));
    a.add(part(1, 2, '20160801086000'));
    a.add(part(1, 2, '20160801085000', 'FFFF00000000000000000000'));
    expect(a.open).toBe(3);
  });

  it('drops incomplete messages after the timeout and beyond capacity, with SPLIT_TIMEOUT', () => {
    const a = new PacketAssembler({ timeoutMs: 1000, maxOpen: 2 });
    a.add(part(1, 2, '20160801080000'), 0);
    a.add(part(1, 2, '20160801081000'), 0);
    a.add(part(1, 2, '20160801082000'), 500);
    expect(a.open).toBe(2);
    const dropped = a.expire(1200);
    expect(codes(dropped)).toEqual(['SPLIT_TIMEOUT', 'SPLIT_TIMEOUT']);
    expect(a.open).toBe(1);
  });

  it('rejects impossible packet numbers', () => {
    const a = new PacketAssembler({ maxParts: 10 });
    const r = a.add(
      decodeFrame(
        encodeFrame({
          header: { QN: '20160801085857534', ST: '32', CN: '2051', PW: '1', MN, PNUM: 20, PNO: 1 },
          cp: {},
        }),
      ),
    );
    expect(r.status).toBe('invalid');
  });
});
