// Reads diagnosis signature rules from YAML (rules/diagnose/*.yaml), the only yaml-cpp user of
// the diagnose stage. Every problem is reported at its `file:line:col` with a did-you-mean
// for unknown keys, classes and template placeholders; patterns are compiled here, once.
#ifndef BEAMCOMPAT_DIAGNOSE_SIGNATURE_LOADER_H_
#define BEAMCOMPAT_DIAGNOSE_SIGNATURE_LOADER_H_

#include <string>
#include <string_view>
#include <vector>

#include "diagnose/signature_rule.h"

namespace beamcompat {

class FileSystem;
class Messages;

// Parses one rule file's text. Rules with errors are left out; false when any error.
bool ParseSignatureRules(std::string_view text, const std::string& file,
                         std::vector<SignatureRule>* rules, Messages* messages);

// Loads `path`: a rule file, or a directory whose *.yaml files are read in name order.
// Duplicate codes across files are errors.
bool LoadSignatureRules(const FileSystem& fs, const std::string& path,
                        std::vector<SignatureRule>* rules, Messages* messages);

// Placeholders every template may use besides the patterns' named captures.
const std::vector<std::string>& BuiltinPlaceholders();

}  // namespace beamcompat

#endif  // BEAMCOMPAT_DIAGNOSE_SIGNATURE_LOADER_H_
