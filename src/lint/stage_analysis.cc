#include "lint/stage_analysis.h"

#include <algorithm>

#include "base/text.h"

namespace beamcompat {
namespace {

constexpr const char* kBoot = "/opt/apache/beam/boot";

bool UnderBeamDir(const std::string& path) {
  return path.rfind("/opt/apache/beam", 0) == 0 || path.rfind("opt/apache/beam", 0) == 0;
}

bool Contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

std::string LocationText(const SourceLocation& where) { return where.ToString(); }

// The Python the stage's own apt installs give: python3.X, or python3 of the distribution.
std::optional<Fact<std::string>> AptPython(const DockerStage& stage, const BaseImage& base) {
  for (const DockerAptInstall& apt : stage.apt_installs) {
    for (size_t i = 0; i < apt.packages.size(); ++i) {
      std::string minor = PythonMinorOfPackage(apt.packages[i]);
      if (!minor.empty()) {
        return Fact<std::string>{minor, "apt package " + apt.packages[i], apt.package_where[i]};
      }
      if (apt.packages[i] == "python3" && !base.distro_python.empty()) {
        return Fact<std::string>{base.distro_python, "python3 of " + base.distro,
                                 apt.package_where[i]};
      }
    }
  }
  return std::nullopt;
}

class Analyzer {
 public:
  explicit Analyzer(const Dockerfile& df) : df_(df) {}

  std::vector<StageAnalysis> Run() {
    for (const DockerStage& stage : df_.stages) out_.push_back(Analyze(stage));
    if (!out_.empty()) out_.back().stage.is_final = true;
    return std::move(out_);
  }

 private:
  StageAnalysis Analyze(const DockerStage& s) {
    StageAnalysis a;
    if (s.base_stage >= 0) {
      a = out_[static_cast<size_t>(s.base_stage)];
      a.stage.is_final = false;
    } else {
      FromImage(s, &a);
    }
    RepoStage& r = a.stage;
    r.dockerfile = df_.file;
    r.index = s.index;
    r.name = s.name;
    r.image = s.image;
    r.where = s.where;
    if (!r.python || a.base.python.empty()) {
      if (auto apt = AptPython(s, a.base)) r.python = apt;
    }
    for (const DockerAptInstall& apt : s.apt_installs) {
      a.apt_packages.insert(a.apt_packages.end(), apt.packages.begin(), apt.packages.end());
    }
    a.symlinks.insert(a.symlinks.end(), s.symlinks.begin(), s.symlinks.end());
    for (const DockerEnv& env : s.env) a.env_names.push_back(env.name);
    Copies(s, &a);
    Entrypoint(s, &a);
    r.beam_container = r.boot_files || r.boot_entrypoint;
    MissingTools(&a);
    return a;
  }

  void FromImage(const DockerStage& s, StageAnalysis* a) {
    a->base = DescribeBaseImage(s.image);
    RepoStage& r = a->stage;
    r.base_kind = BaseImageKindName(a->base.kind);
    r.distro = a->base.distro;
    if (!a->base.python.empty()) {
      r.python = Fact<std::string>{a->base.python, "base image " + s.image, s.image_where};
    }
    if (a->base.kind == BaseImageKind::kBeamSdk) {
      r.boot_files = true;
      r.boot_files_text = "/opt/apache/beam from the base image " + s.image;
      r.boot_entrypoint = true;
      r.entrypoint_text = "the base image's ENTRYPOINT [\"" + std::string(kBoot) + "\"]";
      r.entrypoint_where = s.where;
    } else {
      r.boot_files_text = "no /opt/apache/beam";
      r.entrypoint_text = "no ENTRYPOINT";
      r.entrypoint_where = s.where;
    }
  }

  void Copies(const DockerStage& s, StageAnalysis* a) {
    for (const DockerCopy& copy : s.copies) {
      bool beam = std::any_of(copy.sources.begin(), copy.sources.end(), UnderBeamDir);
      if (!beam || copy.from.empty()) continue;
      RepoStage& r = a->stage;
      r.boot_files = true;
      r.boot_files_text = "/opt/apache/beam copied from " + copy.from + " (" +
                          LocationText(copy.where) + ")";
      if (copy.from_stage >= 0) {
        const StageAnalysis& from = out_[static_cast<size_t>(copy.from_stage)];
        if (from.base.kind == BaseImageKind::kBeamSdk) {
          a->copied_beam_python = Fact<std::string>{
              from.base.python, "COPY --from=" + copy.from + " (stage on " +
                                    from.stage.image + ")", copy.from_where};
        } else {
          a->copied_beam_python = from.copied_beam_python;
        }
      } else {
        BaseImage image = DescribeBaseImage(copy.from);
        if (!image.python.empty()) {
          a->copied_beam_python =
              Fact<std::string>{image.python, "COPY --from=" + copy.from, copy.from_where};
        }
      }
    }
  }

  void Entrypoint(const DockerStage& s, StageAnalysis* a) {
    if (!s.entrypoint) return;
    RepoStage& r = a->stage;
    r.boot_entrypoint = !s.entrypoint->argv.empty() && s.entrypoint->argv[0] == kBoot;
    r.entrypoint_text = "ENTRYPOINT " + std::string(Trim(s.entrypoint->text));
    r.entrypoint_where = s.entrypoint->where;
  }

  void MissingTools(StageAnalysis* a) {
    RepoStage& r = a->stage;
    r.missing_python_tools.clear();
    bool distro = a->base.kind == BaseImageKind::kCuda || a->base.kind == BaseImageKind::kDistro;
    if (!r.beam_container || !distro) return;
    bool python_command = Contains(a->apt_packages, "python-is-python3") ||
                          std::any_of(a->symlinks.begin(), a->symlinks.end(), [](const std::string& p) {
                            return p == "/usr/bin/python" || p == "/usr/local/bin/python";
                          });
    bool venv = Contains(a->env_names, "RUN_PYTHON_SDK_IN_DEFAULT_ENVIRONMENT") ||
                std::any_of(a->apt_packages.begin(), a->apt_packages.end(), [](const std::string& p) {
                  return p == "python3-venv" || (p.rfind("python3.", 0) == 0 &&
                                                 p.size() > 5 && p.substr(p.size() - 5) == "-venv");
                });
    if (!python_command) r.missing_python_tools.push_back("python-is-python3");
    if (!venv) r.missing_python_tools.push_back("python3-venv");
  }

  const Dockerfile& df_;
  std::vector<StageAnalysis> out_;
};

}  // namespace

std::vector<StageAnalysis> AnalyzeStages(const Dockerfile& dockerfile) {
  return Analyzer(dockerfile).Run();
}

}  // namespace beamcompat
