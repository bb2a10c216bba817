export { KHQR_CURRENCIES, type DecodedKhqr, type KhqrCurrency, type KhqrInput } from "./types";
export { KhqrDecodeError, KhqrFieldError } from "./errors";
export { KHQR_LIMITS } from "./limits";
export { formatKhqrAmount } from "./amount";
export { crc16 } from "./crc16";
export { md5Hex } from "./md5";
export { encodeKhqr } from "./encode";
export { decodeKhqr } from "./decode";
export { verifyKhqr } from "./verify";
