setup(install_requires=("x==1", """y>=2""", f"{z}"), python_requires='
