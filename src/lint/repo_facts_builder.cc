#include "lint/repo_facts_builder.h"

#include <map>
#include <optional>
#include <set>

#include "base/file_system.h"
#include "base/message.h"
#include "base/text.h"
#include "facts/specifier.h"
#include "facts/version.h"
#include "lint/dockerfile_reader.h"
#include "lint/project_file_readers.h"
#include "lint/stage_analysis.h"

namespace beamcompat {
namespace {

constexpr const char* kBeam = "apache-beam";

std::string DirOf(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash);
}

std::string Basename(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// A declaration in `file` applies to a Dockerfile in the same folder or below it.
bool AppliesTo(const std::string& file, const std::string& dockerfile) {
  std::string dir = DirOf(file);
  return dir.empty() || dockerfile.rfind(dir + "/", 0) == 0;
}

// True when some version X.Y.z with Python `minor` = X.Y satisfies `specifier`.
bool AdmitsMinor(const std::string& specifier, const std::string& minor) {
  std::string err;
  std::optional<SpecifierSet> set = SpecifierSet::Parse(specifier, &err);
  if (!set) return true;
  for (const char* micro : {".0", ".99"}) {
    std::optional<Version> v = Version::Parse(minor + micro);
    if (v && set->Contains(*v)) return true;
  }
  return false;
}

class Builder {
 public:
  Builder(const FileSystem& fs, Messages* messages) : fs_(fs), messages_(messages) {}

  RepoFacts Run(const std::vector<RepoFile>& files) {
    for (const RepoFile& file : files) ReadProjectFile(file);
    for (const RepoFile& file : files) {
      if (file.kind == RepoFileKind::kDockerfile) Docker(file.path);
    }
    return std::move(facts_);
  }

 private:
  bool Read(const std::string& path, std::string* text) {
    std::string err;
    if (fs_.ReadFile(path, text, &err)) return true;
    messages_->Error(AtLine(path, 0), err);
    return false;
  }

  // Reads a project file once; returns its declarations (empty when unreadable).
  const Declarations& ReadProjectFile(const RepoFile& file) {
    auto it = declarations_.find(file.path);
    if (it != declarations_.end()) return it->second;
    Declarations& d = declarations_[file.path];
    std::string text;
    if (file.kind == RepoFileKind::kDockerfile || !Read(file.path, &text)) return d;
    facts_.files.push_back(file.path);
    switch (file.kind) {
      case RepoFileKind::kRequirements:
      case RepoFileKind::kConstraints:
        ReadRequirementsFile(file.path, text, file.kind == RepoFileKind::kConstraints, &d,
                             messages_);
        break;
      case RepoFileKind::kPyproject:
        ReadPyproject(file.path, text, &d, messages_);
        break;
      case RepoFileKind::kSetupPy:
        ReadSetupPy(file.path, text, &d, messages_);
        break;
      case RepoFileKind::kSetupCfg:
        ReadSetupCfg(file.path, text, &d, messages_);
        break;
      case RepoFileKind::kPythonVersion:
        ReadPythonVersionFile(file.path, text, &d, messages_);
        break;
      default:
        break;
    }
    facts_.requirements.insert(facts_.requirements.end(), d.requirements.begin(),
                               d.requirements.end());
    facts_.pythons.insert(facts_.pythons.end(), d.pythons.begin(), d.pythons.end());
    for (const RequirementsInclude& include : d.includes) {
      std::string path = JoinPath(DirOf(file.path), include.file);
      if (fs_.Kind(path) != FileKind::kFile) continue;
      ReadProjectFile({include.constraint ? RepoFileKind::kConstraints : RepoFileKind::kRequirements,
                       path});
    }
    return declarations_[file.path];
  }

  // The requirements file on the host that a `pip install -r X` in the image reads: the
  // source of the COPY whose destination is X (or a folder holding X), else a COPY source of
  // the same name, else X relative to the Dockerfile's folder (the usual build context).
  std::string HostPath(const std::string& dockerfile, const DockerStage& stage,
                       const std::string& path) {
    std::string dir = DirOf(dockerfile);
    std::string by_name;
    for (const DockerCopy& copy : stage.copies) {
      if (!copy.from.empty()) continue;
      const std::string& dest = copy.destination;
      bool into_folder = !dest.empty() && dest.back() == '/';
      for (const std::string& source : copy.sources) {
        std::string target = into_folder ? dest + Basename(source) : dest;
        if (target == path || (copy.sources.size() == 1 && dest == path)) {
          return JoinPath(dir, source);
        }
        if (by_name.empty() && Basename(source) == Basename(path)) by_name = JoinPath(dir, source);
      }
    }
    return by_name.empty() ? JoinPath(dir, path) : by_name;
  }

  void Docker(const std::string& path) {
    std::string text;
    if (!Read(path, &text)) return;
    facts_.files.push_back(path);
    Dockerfile df = ReadDockerfile(path, text, messages_);
    std::vector<StageAnalysis> stages = AnalyzeStages(df);
    std::optional<Fact<std::string>> pin;
    for (size_t i = 0; i < df.stages.size(); ++i) PipInstalls(df, df.stages[i], stages[i], &pin);
    if (!pin) pin = RepoBeamPin(path);
    for (size_t i = 0; i < df.stages.size(); ++i) BeamImages(df, df.stages[i], pin);
    for (const StageAnalysis& stage : stages) facts_.stages.push_back(stage.stage);
    if (!stages.empty()) Expectations(path, stages.back());
  }

  std::optional<Fact<std::string>> RepoBeamPin(const std::string& dockerfile) const {
    for (const RepoRequirement& req : facts_.requirements) {
      if (req.key == kBeam && req.exact && AppliesTo(req.where.file, dockerfile)) {
        return Fact<std::string>{req.version, req.text + " (" + req.where.ToString() + ")",
                                 req.where};
      }
    }
    return std::nullopt;
  }

  void BeamImages(const Dockerfile& df, const DockerStage& stage,
                  const std::optional<Fact<std::string>>& pin) {
    auto add = [&](const std::string& image, const char* instruction, SourceLocation where) {
      BaseImage base = DescribeBaseImage(image);
      if (base.kind != BaseImageKind::kBeamSdk) return;
      facts_.beam_images.push_back({df.file, instruction, base.name, pin, std::move(where)});
    };
    if (stage.base_stage < 0) add(stage.image, "FROM", stage.image_where);
    for (const DockerCopy& copy : stage.copies) {
      if (copy.from_stage < 0 && !copy.from.empty()) add(copy.from, "COPY --from", copy.from_where);
    }
  }

  void PipInstalls(const Dockerfile& df, const DockerStage& stage, const StageAnalysis& analysis,
                   std::optional<Fact<std::string>>* pin) {
    for (const DockerPipInstall& install : stage.pip_installs) {
      RepoPipInstall out;
      out.dockerfile = df.file;
      out.command = install.installer + " install";
      out.where = install.where;
      out.on_beam_image = analysis.base.kind == BaseImageKind::kBeamSdk;
      for (const std::string& name : analysis.env_names) {
        out.has_constraints |= name == "PIP_CONSTRAINT" || name == "UV_CONSTRAINT";
      }
      for (const LocatedPipArgument& arg : install.arguments) PipArgument(df, stage, arg, &out, pin);
      facts_.pip_installs.push_back(std::move(out));
    }
  }

  void CountRequirement(const RepoRequirement& req, RepoPipInstall* out,
                        std::optional<Fact<std::string>>* pin) {
    if (req.key != kBeam) {
      ++out->other_packages;
      return;
    }
    out->installs_beam = true;
    if (req.exact && !*pin) {
      *pin = Fact<std::string>{req.version, req.text + " (" + req.where.ToString() + ")",
                               req.where};
    }
  }

  void PipArgument(const Dockerfile& df, const DockerStage& stage, const LocatedPipArgument& arg,
                   RepoPipInstall* out, std::optional<Fact<std::string>>* pin) {
    switch (arg.kind) {
      case PipArgumentKind::kRequirement: {
        Messages quiet;  // shell words that are not PEP 508 (a $VAR) are not findings
        if (auto req = MakeRepoRequirement(arg.text, "dockerfile", arg.where, &quiet)) {
          facts_.requirements.push_back(*req);
          CountRequirement(*req, out, pin);
        }
        break;
      }
      case PipArgumentKind::kRequirementsFile:
      case PipArgumentKind::kConstraintsFile: {
        bool constraints = arg.kind == PipArgumentKind::kConstraintsFile;
        out->has_constraints |= constraints;
        std::string host = HostPath(df.file, stage, arg.text);
        if (fs_.Kind(host) != FileKind::kFile) {
          messages_->Note(arg.where, "'" + arg.text + "' is not in the build context as " +
                                         Quote(host) + "; its requirements were not read");
          break;
        }
        const Declarations& d = ReadProjectFile(
            {constraints ? RepoFileKind::kConstraints : RepoFileKind::kRequirements, host});
        if (constraints) break;
        for (const RepoRequirement& req : d.requirements) CountRequirement(req, out, pin);
        for (const RequirementsInclude& include : d.includes) {
          out->has_constraints |= include.constraint;
        }
        break;
      }
      default:
        ++out->other_packages;
        break;
    }
  }

  void Expectations(const std::string& dockerfile, const StageAnalysis& final_stage) {
    const RepoStage& stage = final_stage.stage;
    if (!stage.python) return;
    const Fact<std::string>& python = *stage.python;
    if (final_stage.copied_beam_python) {
      const Fact<std::string>& beam = *final_stage.copied_beam_python;
      facts_.python_expectations.push_back(
          {dockerfile, python, beam.value, beam.origin + " (" + beam.where.ToString() + ")",
           beam.value == python.value, python.where});
    }
    for (const RepoPythonDeclaration& decl : facts_.pythons) {
      if (decl.specifier.empty() || !AppliesTo(decl.where.file, dockerfile)) continue;
      facts_.python_expectations.push_back(
          {dockerfile, python, decl.text, decl.source + " (" + decl.where.ToString() + ")",
           AdmitsMinor(decl.specifier, python.value), python.where});
    }
  }

  const FileSystem& fs_;
  Messages* messages_;
  RepoFacts facts_;
  std::map<std::string, Declarations> declarations_;
};

}  // namespace

RepoFacts BuildRepoFacts(const FileSystem& fs, const std::vector<RepoFile>& files,
                         Messages* messages) {
  return Builder(fs, messages).Run(files);
}

}  // namespace beamcompat
