#!/usr/bin/env python3
"""An independent HJ 212 data logger, written from the public description of the standard only
(HJ 212-2017 表 2/表 3, 附录 A CRC, 附录 C examples; HJ/T 212-2005 frame as transcribed in
shared/domain/hj212.md). It shares no code with packages/hj212: it exists to show that a device
the platform's authors did not write is understood and acked.

Usage:
  python3 hj212_sender.py --host 127.0.0.1 --port 9212 --mn MN --pw 123456 --edition 2017 \
      --time 20260615100000 [--wait 5]

Sends, over one TCP connection:
  2017: a 2011 real-time frame, a 2051 minute frame, a 2061 hour frame (all Flag=5: 2017, ack
        requested), then a 2011 frame whose CRC is wrong (must not be acked);
  2005: the same 2011, 2051 and 2061 frames without QN and Flag, with 2005 factor codes (no ack
        exists in that edition for uploads).
Prints one JSON object: the frames sent and the acks received (each ack's own CRC checked here).
Standard library only.
"""

import argparse
import json
import socket
import sys
import time


def crc16_hj212(data: bytes) -> int:
    """附录 A: register 0xFFFF; per byte, register = (register >> 8) XOR byte; then 8 times shift
    right, XOR 0xA001 when the bit shifted out was 1. Covers the data segment only."""
    reg = 0xFFFF
    for b in data:
        reg = (reg >> 8) ^ b
        for _ in range(8):
            lsb = reg & 1
            reg >>= 1
            if lsb:
                reg ^= 0xA001
    return reg


def frame(segment: str, crc: str = None) -> bytes:
    """表 2: '##' + 4-digit decimal length of the data segment + segment + 4 hex CRC + CR LF."""
    body = segment.encode("utf-8")
    if crc is None:
        crc = "%04X" % crc16_hj212(body)
    return b"##" + ("%04d" % len(body)).encode("ascii") + body + crc.encode("ascii") + b"\r\n"


def qn_now(offset_ms: int) -> str:
    """QN = YYYYMMDDhhmmsszzz (表 3), Beijing time; offset keeps the QNs of one run distinct."""
    t = time.time() + offset_ms / 1000.0 + 8 * 3600
    return time.strftime("%Y%m%d%H%M%S", time.gmtime(t)) + "%03d" % int((t * 1000) % 1000)


def cp(data_time: str, items) -> str:
    """6.3.3: 'CP=&&' + DataTime + ';'-separated items of ','-separated 'code-Field=value' + '&&'."""
    parts = ["DataTime=" + data_time]
    for code, fields in items:
        parts.append(",".join("%s-%s=%s" % (code, k, v) for k, v in fields))
    return "CP=&&" + ";".join(parts) + "&&"


def segments(edition: str, mn: str, pw: str, base_time: str):
    """The uploads to send: (label, cn, qn or None, segment)."""
    so2, dust = ("a21026", "a34013") if edition == "2017" else ("02", "01")
    minute_time = base_time[:10] + "0000"  # 2051/2061: DataTime is the period start (表 4)
    uploads = [
        ("realtime", "2011", base_time, [(so2, [("Rtd", "35.2"), ("Flag", "N")]), (dust, [("Rtd", "8.10"), ("Flag", "N")])]),
        ("minute", "2051", minute_time, [(so2, [("Min", "30.0"), ("Avg", "34.5"), ("Max", "39.0"), ("Flag", "N")])]),
        ("hour", "2061", minute_time, [(so2, [("Min", "28.0"), ("Avg", "33.3"), ("Max", "41.0"), ("Flag", "N")])]),
    ]
    out = []
    for i, (label, cn, dt, items) in enumerate(uploads):
        if edition == "2017":
            qn = qn_now(i)
            # Flag=5: version bits 000001 (this revision), D=0, A=1 ack requested (表 3)
            seg = "QN=%s;ST=22;CN=%s;PW=%s;MN=%s;Flag=5;%s" % (qn, cn, pw, mn, cp(dt, items))
        else:
            qn = None
            seg = "ST=22;CN=%s;PW=%s;MN=%s;%s" % (cn, pw, mn, cp(dt, items))
        out.append((label, cn, qn, seg))
    return out


def parse_reply(raw: bytes):
    """A platform reply: check its own frame and CRC, return its header fields."""
    if not raw.startswith(b"##") or len(raw) < 12:
        return None
    try:
        length = int(raw[2:6])
    except ValueError:
        return None
    body = raw[6 : 6 + length]
    crc_text = raw[6 + length : 10 + length].decode("ascii", "replace")
    fields = {}
    for part in body.decode("utf-8", "replace").split(";"):
        if "=" in part and not part.startswith("CP="):
            k, v = part.split("=", 1)
            fields[k] = v
    fields["crcOk"] = crc_text.upper() == "%04X" % crc16_hj212(body)
    return fields


# The standard's own example (附录 A; its prose misprints the CRC as 1C08) and a 2005 frame
# captured from an instrument (hj212.md §3.2 #4): what this CRC must reproduce.
KNOWN_FRAMES = [
    b"##0101QN=20160801085857223;ST=32;CN=1062;PW=100000;MN=010000A8900016F000169DC0;Flag=5;CP=&&RtdInterval=30&&1C80\r\n",
    b"##0076ST=32;CN=2011;PW=;MN=;CP=&&DataTime=20181225080000;011-Rtd=27.3,011-Flag=N&&7340\r\n",
]


def selftest() -> int:
    for raw in KNOWN_FRAMES:
        length = int(raw[2:6])
        body = raw[6 : 6 + length]
        if "%04X" % crc16_hj212(body) != raw[6 + length : 10 + length].decode("ascii") or frame(body.decode()) != raw:
            print(json.dumps({"selftest": "failed", "frame": raw.decode()}))
            return 1
    print(json.dumps({"selftest": "ok", "frames": len(KNOWN_FRAMES)}))
    return 0


def main() -> int:
    if "--selftest" in sys.argv:
        return selftest()
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--mn", required=True)
    ap.add_argument("--pw", default="123456")
    ap.add_argument("--edition", choices=["2017", "2005"], default="2017")
    ap.add_argument("--time", required=True, help="DataTime of the real-time frame, YYYYMMDDhhmmss (Beijing)")
    ap.add_argument("--wait", type=float, default=5.0, help="seconds to wait for acks")
    a = ap.parse_args()

    sent = []
    ups = segments(a.edition, a.mn, a.pw, a.time)
    s = socket.create_connection((a.host, a.port), timeout=a.wait)
    for label, cn, qn, seg in ups:
        s.sendall(frame(seg))
        sent.append({"label": label, "cn": cn, "qn": qn, "crc": "good"})
    if a.edition == "2017":
        qn = qn_now(50)
        seg = "QN=%s;ST=22;CN=2011;PW=%s;MN=%s;Flag=5;%s" % (qn, a.pw, a.mn, cp(a.time[:12] + "30", [("a21026", [("Rtd", "36.0"), ("Flag", "N")])]))
        good = "%04X" % crc16_hj212(seg.encode("utf-8"))
        # the right CRC with one bit flipped: a line error
        s.sendall(frame(seg, "%04X" % (int(good, 16) ^ 0x0001)))
        sent.append({"label": "bad-crc", "cn": "2011", "qn": qn, "crc": "bad"})

    expected = {x["qn"] for x in sent if x["qn"] and x["crc"] == "good"}
    replies = []
    buf = b""
    deadline = time.time() + a.wait
    s.settimeout(0.2)
    # 2005 uploads ask for nothing: listen the whole wait; 2017 ones stop once every good QN is acked
    while time.time() < deadline:
        try:
            chunk = s.recv(4096)
            if not chunk:
                break
            buf += chunk
        except socket.timeout:
            pass
        while b"\r\n" in buf:
            line, buf = buf.split(b"\r\n", 1)
            r = parse_reply(line)
            if r is not None:
                replies.append(r)
        acked = {r.get("QN") for r in replies if r.get("CN") == "9014"}
        if a.edition == "2017" and expected <= acked:
            # a moment more, so a (wrong) ack of the bad frame would still be seen
            time.sleep(0.3)
            try:
                s.settimeout(0.3)
                more = s.recv(4096)
                for line in more.split(b"\r\n"):
                    r = parse_reply(line)
                    if r is not None:
                        replies.append(r)
            except socket.timeout:
                pass
            break
    s.close()
    print(json.dumps({"edition": a.edition, "sent": sent, "replies": replies}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
