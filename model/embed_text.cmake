# Writes INPUT into OUTPUT as a C++ string, so the default scenario is part of the binary.
file(READ ${INPUT} content)
get_filename_component(name ${INPUT} NAME)
file(WRITE ${OUTPUT}
  "// Generated from ${name} by model/embed_text.cmake; do not edit.\n"
  "#include \"model/embedded_scenario.hpp\"\n"
  "namespace vaxel::model {\n"
  "const char* const kEmbeddedScenarioName = \"${name}\";\n"
  "const char* const kEmbeddedScenarioText = R\"vaxel_embed(${content})vaxel_embed\";\n"
  "}  // namespace vaxel::model\n")
