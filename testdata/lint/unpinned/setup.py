import setuptools

setuptools.setup(
    name="fraud-scoring",
    version="2.0.0",
    packages=setuptools.find_packages(),
    install_requires=[
        "apache-beam[gcp]",
        "scikit-learn==1.3.2",
    ],
)
