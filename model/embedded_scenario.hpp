// The default scenario (scenarios/sotenas.yaml), compiled into the binary by model/embed_text.cmake
// so that `vaxel run` needs no file and no working directory.
#pragma once

namespace vaxel::model {
extern const char* const kEmbeddedScenarioName;  ///< file name of the embedded scenario, e.g. "sotenas.yaml"
extern const char* const kEmbeddedScenarioText;  ///< its YAML text, byte for byte
}  // namespace vaxel::model
