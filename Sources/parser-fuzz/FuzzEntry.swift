// libFuzzer's entry point for the draft parser: each input's bytes are a draft; ParserOracle
// says what must hold. Built only by scripts/fuzz-parser.sh (AMEND_LIBFUZZER=1), with
// -sanitize=fuzzer, which supplies main.
import DraftFuzz
import DraftText
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func parserFuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Data(bytes: data, count: size)
  // Bytes that are not a UTF-8 text are refused up front, as init refuses them.
  guard !bytes.contains(0), String(data: bytes, encoding: .utf8) != nil else { return 0 }
  let problems = ParserOracle.problems(in: String(decoding: bytes, as: UTF8.self))
  if !problems.isEmpty {
    FileHandle.standardError.write(Data("parser-fuzz: \(problems.prefix(3).joined(separator: "; "))\n".utf8))
    abort()
  }
  return 0
}

// SwiftPM links an executable's `main` to `parser_fuzz_main`, which would hide libFuzzer's own
// main; so this main hands over to libFuzzer's driver (LLVMFuzzerRunDriver, LLVM 11 and later).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

@_cdecl("parser_fuzz_main")
func parserFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  var count = argc
  var vector = argv
  return LLVMFuzzerRunDriver(&count, &vector) { data, size in parserFuzzTestOneInput(data, size) }
}
